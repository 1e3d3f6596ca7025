import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { connectionStreamId, integrationDeploymentsStreamId } from '@ib/domain';
import {
  SAMPLE_CONNECTION_ID,
  createIntegration,
  eventually,
  publishedOrFail,
  sampleCopy,
} from '../support/publishing';
import { ADMIN, bearer, type TestApp } from '../support/test-app';
import { type ConsoleInBrowser, startConsoleInBrowser } from './support/console-in-browser';

/**
 * An administrator edits a connection, rotates its password and deletes connections from the console,
 * and changes an integration's null policy, in a real browser: the built console (`npm run
 * build:console`) served by the real API. Development and qa only: no four-eyes policy applies there.
 */
const FAILURE_SCREENSHOT = join(tmpdir(), 'connection-lifecycle-failure.png');
const SERVER = { host: 'db.invalid', port: 3306, database: 'shop', username: 'app' };
const FIRST_PASSWORD = 'first-server-password';
const NEW_PASSWORD = 'rotated-server-password';

jest.setTimeout(180_000);

describe('the console, in a browser: a connection changed, rotated and deleted; the null policy chosen', () => {
  let t: TestApp;
  let page: Page;
  let baseUrl: string;
  let pageErrors: string[];
  let session: ConsoleInBrowser;
  let token: string;
  let integrationId: string;
  let serverId: string;
  let boundId: string;
  let spareId: string;

  const connection = async (id: string) =>
    (await t.http().get(`/api/connections/${id}`).set(bearer(token)).expect(200)).body;

  beforeAll(async () => {
    session = await startConsoleInBrowser();
    ({ t, page, baseUrl, pageErrors } = session);
    token = await t.login(ADMIN.username, ADMIN.password);
    // (its creator administers qa from the next login on)
    await t.http().post('/api/environments').set(bearer(token)).send({ name: 'qa', kind: 'qa' }).expect(201);
    token = await t.login(ADMIN.username, ADMIN.password);

    // A MySQL connection in development (never contacted: editing and rotating do not connect)
    const server = await t
      .http()
      .post('/api/connections')
      .set(bearer(token))
      .send({
        name: 'Orders server',
        provider: 'mysql',
        details: { ...SERVER, options: { connectTimeoutMs: 5000 } },
        password: FIRST_PASSWORD,
      })
      .expect(201);
    serverId = server.body.id as string;

    // An integration published, promoted to qa, and served there by a qa connection
    integrationId = await createIntegration(t, token, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
    await publishedOrFail(t, token, integrationId);
    await eventually(async () => {
      const { version } = await t.store.readStream(integrationDeploymentsStreamId(integrationId));
      return version >= 0 ? version : undefined;
    }, 'the deployment to development');
    const operator = await t.login(ADMIN.username, ADMIN.password, 'qa');
    await t
      .http()
      .post(`/api/integrations/${integrationId}/deployments`)
      .set(bearer(operator))
      .send({ version: 1, environment: 'qa' })
      .expect(200);
    ({ connectionId: boundId } = await sampleCopy(t, operator, {
      file: 'qa-shop.sqlite',
      name: 'QA shop',
      environment: 'qa',
    }));
    await t
      .http()
      .put(`/api/environments/qa/integrations/${integrationId}/connection`)
      .set(bearer(operator))
      .send({ connectionId: boundId })
      .expect(200);

    // And a connection that serves nothing
    ({ connectionId: spareId } = await sampleCopy(t, token, { file: 'spare.sqlite', name: 'Spare copy' }));
  });

  afterAll(() => session?.close());

  // ---- what a user does, in the words of the screen ----

  const logIn = async () => {
    await page.goto(`${baseUrl}/`);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByLabel('Environment').fill('development');
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('banner').getByText(ADMIN.username, { exact: true }).waitFor();
  };

  const openConnection = async (id: string, name: string) => {
    await page.goto(`${baseUrl}/connections/show/${id}`);
    await page.getByRole('heading', { name, exact: true }).waitFor();
  };

  /** Clicks a button of the page's header, once the toasts over it (top right) are closed. */
  const clickHeaderButton = async (name: string) => {
    const close = page.locator('.ant-notification-notice-close');
    for (let attempt = 0; attempt < 50 && (await close.count()) > 0; attempt++)
      await close
        .first()
        .click({ force: true, timeout: 1_000 })
        .catch(() => undefined); // gone meanwhile
    await page.getByRole('button', { name }).click();
  };

  const editDialog = () => page.getByRole('dialog', { name: /^Edit "/ });

  /** Confirms the open Popconfirm with its button. */
  const confirm = (button: string) =>
    page.getByRole('tooltip').getByRole('button', { name: button, exact: true }).click();

  it('edits, rotates, refuses to delete a bound connection, deletes an unbound one, changes the null policy', async () => {
    try {
      // Given the administrator, logged in, on the MySQL connection's page
      await logIn();
      await openConnection(serverId, 'Orders server');

      // When they edit its name and host and save
      await clickHeaderButton('Edit');
      let dialog = editDialog();
      await dialog.getByLabel('Host', { exact: true }).fill('db2.invalid');
      await dialog.getByLabel('Name', { exact: true }).fill('Orders server (moved)');
      // (the password is not part of the details: it is rotated on its own)
      expect(await dialog.getByLabel('Password', { exact: true }).count()).toBe(0);
      await dialog.getByRole('button', { name: 'Save', exact: true }).click();

      // Then the page shows the connection as changed
      await page.getByRole('heading', { name: 'Orders server (moved)', exact: true }).waitFor();
      await page.getByText('db2.invalid:3306 / shop').waitFor();

      // And the API holds the new details with the options set before, untouched by the form
      expect((await connection(serverId)).details).toEqual({
        ...SERVER,
        host: 'db2.invalid',
        options: { connectTimeoutMs: 5000 },
      });

      // When they edit it again while someone else changes it meanwhile
      await clickHeaderButton('Edit');
      dialog = editDialog();
      await dialog.getByLabel('Host', { exact: true }).waitFor();
      // (its options show as they are, once unfolded)
      await dialog.getByRole('button', { name: 'Advanced options' }).click();
      expect(await dialog.getByLabel('Connect timeout (ms)').inputValue()).toBe('5000');
      const { version } = await connection(serverId);
      await t
        .http()
        .patch(`/api/connections/${serverId}`)
        .set(bearer(token))
        .set('If-Match', `"${version}"`)
        .send({ name: 'Orders server (renamed elsewhere)' })
        .expect(200);
      await dialog.getByLabel(/^Port/).fill('3307');
      await dialog.getByRole('button', { name: 'Save', exact: true }).click();

      // Then nothing is saved: the form says why and shows the connection as it is now
      await dialog.getByText('Someone else changed this connection meanwhile').waitFor();
      await eventually(
        async () =>
          (await dialog.getByLabel('Name', { exact: true }).inputValue()) ===
          'Orders server (renamed elsewhere)'
            ? true
            : undefined,
        'the form to show the connection as changed elsewhere',
      );
      expect((await connection(serverId)).details.port).toBe(3306);

      // When they save again, over what they now see
      await dialog.getByLabel(/^Port/).fill('3307');
      // (the button is no longer loading, but on a busy machine antd's fading spinner icon can stay in
      // it, named "loading": the name is matched at its end)
      await dialog.getByRole('button', { name: /(^| )Save$/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('db2.invalid:3307 / shop').waitFor();
      expect(await connection(serverId)).toMatchObject({
        name: 'Orders server (renamed elsewhere)',
        details: { port: 3307, options: { connectTimeoutMs: 5000 } },
      });

      // When they rotate its password
      const before = await t.store.readStream(connectionStreamId(serverId));
      await clickHeaderButton('Rotate password');
      const rotation = page.getByRole('dialog', { name: /^Rotate the password of/ });
      await rotation.getByLabel('New password').fill(NEW_PASSWORD);
      await rotation.getByRole('button', { name: 'Rotate', exact: true }).click();

      // Then it is rotated, and the password is shown nowhere
      await page.getByText('Password rotated').waitFor();
      await rotation.waitFor({ state: 'hidden' });
      const after = await t.store.readStream(connectionStreamId(serverId));
      expect(after.events.slice(before.events.length).map(({ type }) => type)).toEqual([
        'ConnectionPasswordRotated',
      ]);
      expect(await page.content()).not.toContain(NEW_PASSWORD);
      await clickHeaderButton('Rotate password');
      expect(
        await page
          .getByRole('dialog', { name: /^Rotate the password of/ })
          .getByLabel('New password')
          .inputValue(),
      ).toBe('');
      await page.keyboard.press('Escape');

      // When they try to delete the connection that serves Shop in qa
      await openConnection(boundId, 'QA shop');
      await clickHeaderButton('Delete');
      await confirm('Delete');

      // Then it is not deleted: the page says where it serves, with a link to the integration
      const inUse = page.getByRole('dialog', { name: 'The connection is still in use' });
      await inUse.getByText(/bind another connection there first/).waitFor();
      const link = inUse.getByRole('link', { name: 'Shop', exact: true });
      await link.waitFor();
      await inUse.getByText('in qa').waitFor();
      await connection(boundId);

      // And the link leads to the integration, where another connection can be bound
      await link.click();
      await page.waitForURL(`${baseUrl}/integrations/show/${integrationId}`);

      // When they delete the connection that serves nothing
      await openConnection(spareId, 'Spare copy');
      await clickHeaderButton('Delete');
      await confirm('Delete');

      // Then it is deleted, and they are back on the list
      await page.getByText('Connection deleted').waitFor();
      await page.waitForURL((url) => url.pathname === '/connections');
      await t.http().get(`/api/connections/${spareId}`).set(bearer(token)).expect(404);

      // When they open the integration and choose to overwrite NULLs
      await page.goto(`${baseUrl}/integrations/show/${integrationId}`);
      const nullValues = page.getByRole('region', { name: 'Null values' });
      await nullValues
        .getByText('Preserve: apps read a NULL as its default value', { exact: false })
        .waitFor();
      expect(await nullValues.getByRole('radio', { name: 'Preserve' }).isChecked()).toBe(true);
      await nullValues.getByText('Overwrite', { exact: true }).click();

      // Then the integration overwrites NULLs from its next version on
      await page.getByText('Null values: overwrite').waitFor();
      await eventually(
        async () =>
          (await nullValues.getByRole('radio', { name: 'Overwrite' }).isChecked()) ? true : undefined,
        'the null policy to show as overwrite',
      );
      const { body: integration } = await t
        .http()
        .get(`/api/integrations/${integrationId}`)
        .set(bearer(token))
        .expect(200);
      expect(integration.nullPolicy).toBe('overwrite');

      // And nothing failed in the page along the way
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await page?.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
      throw error;
    }
  });
  it('shows a developer the connection, but neither Edit, Rotate password nor Delete', async () => {
    // Given a developer of development, logged in in a tab of their own
    await t
      .http()
      .post('/api/users')
      .set(bearer(token))
      .send({
        username: 'lifecycle-dev',
        password: 'lifecycle-dev-password',
        roles: [{ environment: 'development', role: 'developer' }],
      })
      .expect(201);
    const tab = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await tab.goto(`${baseUrl}/login`);
      await tab.getByLabel('Environment').fill('development');
      await tab.getByLabel('Username').fill('lifecycle-dev');
      await tab.getByLabel('Password').fill('lifecycle-dev-password');
      await tab.getByRole('button', { name: 'Log in', exact: true }).click();
      await tab.getByRole('banner').getByText('lifecycle-dev', { exact: true }).waitFor();

      // When they open the MySQL connection
      await tab.goto(`${baseUrl}/connections/show/${serverId}`);
      await tab.getByRole('button', { name: 'Test' }).waitFor();

      // Then only its test is offered
      for (const name of ['Edit', 'Rotate password', 'Delete'])
        expect(await tab.getByRole('button', { name }).count()).toBe(0);
    } catch (error) {
      await tab.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await tab.close();
    }
  });
});
