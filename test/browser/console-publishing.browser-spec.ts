import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { SAMPLE_CONNECTION_ID, createIntegration, entityNames } from '../support/publishing';
import { ADMIN, bearer, type TestApp } from '../support/test-app';
import { type ConsoleInBrowser, startConsoleInBrowser } from './support/console-in-browser';

/**
 * An administrator publishes an integration from the console and gives an app a key to its data API, in
 * a real browser: the built console (`npm run build:console`) served by the real API, in chromium.
 */
const FAILURE_SCREENSHOT = join(tmpdir(), 'console-publishing-failure.png');

jest.setTimeout(180_000);

describe('the console, in a browser: publishing and API keys', () => {
  let t: TestApp;
  let page: Page;
  let baseUrl: string;
  let pageErrors: string[];
  let session: ConsoleInBrowser;
  let token: string;
  let integrationId: string;
  let customers: string;

  beforeAll(async () => {
    session = await startConsoleInBrowser();
    ({ t, page, baseUrl, pageErrors } = session);

    // An integration of the sample SQLite database, built through the API (the wizard has its own spec)
    token = await t.login(ADMIN.username, ADMIN.password);
    integrationId = await createIntegration(t, token, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers', 'orders'],
    });
    ({ customers } = await entityNames(t, token, integrationId));
  });

  afterAll(() => session?.close());

  // ---- what a user does, in the words of the screen ----

  const menu = (name: string) => page.getByRole('menuitem', { name });

  const logIn = async ({ username, password }: { username: string; password: string }) => {
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByLabel('Environment').fill('development');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('banner').getByText(username, { exact: true }).waitFor();
  };

  /** A row of a table (in a region of the page) that has a cell with exactly this text. */
  const row = (cell: string, within: Page | ReturnType<Page['getByRole']> = page) =>
    within.getByRole('row').filter({ has: page.getByRole('cell', { name: cell, exact: true }) });

  /** Calls the data API of development as an app does, with an API key. */
  const callWithKey = (key: string) =>
    t
      .http()
      .get(`/api/data/development/${integrationId}/${encodeURIComponent(customers)}`)
      .query({ limit: '1' })
      .set('X-API-Key', key);

  it('publishes version 1 with its package, then creates, shows once and revokes an API key', async () => {
    try {
      await page.goto(`${baseUrl}/`);

      // Given the administrator, logged in, on the integration's page
      await logIn(ADMIN);
      await page.getByRole('heading', { name: 'Approvals', exact: true }).waitFor(); // an administrator's home
      await menu('My integrations').click();
      await page.getByRole('heading', { name: 'My integrations', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Show Shop' }).click();
      await page.waitForURL(`${baseUrl}/integrations/show/${integrationId}`);
      await page.getByText('Ready to publish').waitFor();
      const publications = page.getByRole('region', { name: 'Publications' });
      await publications.getByText('Not published yet').waitFor();

      // When the administrator publishes it
      await page.getByRole('button', { name: 'Publish' }).click();

      // Then the publication runs to published, as version 1, every step done, with its package
      const first = row('v1', publications);
      await first.getByRole('cell', { name: 'published', exact: true }).waitFor();
      for (const step of ['Validate schema', 'Generate package', 'Check dependencies', 'Publish'])
        expect(
          await first
            .locator('.ant-tag')
            .filter({ hasText: new RegExp(`^${step}$`) })
            .getAttribute('data-status'),
        ).toBe('done');
      const downloadButton = first.getByRole('button', { name: 'Download package of version 1' });
      await downloadButton.waitFor();
      expect(await page.getByRole('button', { name: 'Publish' }).isEnabled()).toBe(true);

      // And the package downloads as the module's tar (the bearer token goes along: no plain link)
      const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
      expect(download.suggestedFilename()).toBe('Shop_IS-1.tar');

      // And version 1 is listed, and served in development
      await row('v1', page.getByRole('region', { name: 'Versions' })).waitFor();
      await row('v1', page.getByRole('region', { name: 'Deployments' })).waitFor();

      // And My integrations lists it as published v1, served in development, to open rather than continue
      await menu('My integrations').click();
      const listed = row('Shop');
      await listed.getByText('published v1', { exact: true }).waitFor();
      await listed.getByText('development → v1', { exact: true }).waitFor();
      expect(await listed.getByRole('button', { name: 'Continue' }).count()).toBe(0);
      await listed.getByRole('button', { name: 'Open Shop' }).click();
      await page.waitForURL(`${baseUrl}/integrations/show/${integrationId}`);

      // When the administrator opens API keys and creates a key for development
      await menu('API keys').click();
      await page.getByRole('heading', { name: 'API keys', exact: true }).waitFor();
      await page.getByText('No keys yet').waitFor();
      await page.getByRole('button', { name: 'Create key' }).click();
      const form = page.getByRole('dialog', { name: 'Create an API key for development' });
      await form.getByLabel('App name').fill('Warehouse app');
      await form.getByLabel('Label').fill('CI pipeline');
      // (limited to reads: the scope fields of the form)
      await form.getByLabel(/Read-only/).check();
      await form.getByRole('button', { name: 'Create', exact: true }).click();

      // Then the key shows, once, with a warning and a copy button
      const shown = page.getByRole('dialog', { name: 'API key created' });
      await shown.getByText('Copy the key now: it is shown only this once').waitFor();
      await shown.getByRole('button', { name: /copy/i }).waitFor();
      const key = (await shown.getByTestId('created-api-key').innerText()).trim();
      expect(key.length).toBeGreaterThanOrEqual(20);
      // (a real key: an app reads the data API of development with it, and may not write)
      await callWithKey(key).expect(200);
      const write = await t
        .http()
        .post(`/api/data/development/${integrationId}/${encodeURIComponent(customers)}`)
        .set('X-API-Key', key)
        .send({ email: 'ro@example.com', first_name: 'Read', last_name: 'Only' })
        .expect(403);
      expect(write.body.code).toBe('API_KEY.READ_ONLY');

      // When the administrator closes it, the key is listed, active, by its hint only
      await shown.getByRole('button', { name: 'Done', exact: true }).click();
      await shown.waitFor({ state: 'hidden' });
      const keyRow = row('Warehouse app');
      await keyRow.getByRole('cell', { name: 'active', exact: true }).waitFor();
      await keyRow.getByRole('cell', { name: 'CI pipeline', exact: true }).waitFor();
      await keyRow.getByText('Read-only', { exact: true }).waitFor();
      const hint = (await keyRow.locator('code').innerText()).trim();
      expect(hint.length).toBeLessThan(key.length);
      expect(key.endsWith(hint)).toBe(true);
      expect(await page.getByText(key).count()).toBe(0); // never shown again

      // When the administrator revokes it
      await keyRow.getByRole('button', { name: 'Revoke' }).click();
      await page.getByRole('tooltip').getByRole('button', { name: 'Revoke', exact: true }).click();

      // Then it is listed as revoked, and refused
      await keyRow.getByRole('cell', { name: 'revoked', exact: true }).waitFor();
      expect(await keyRow.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
      expect((await callWithKey(key).expect(403)).body.code).toBe('API_KEY.REVOKED');

      // And the API agrees: version 1 published, the key revoked
      const versions = await t
        .http()
        .get(`/api/integrations/${integrationId}/versions`)
        .set(bearer(token))
        .expect(200);
      expect(versions.body.items).toEqual([expect.objectContaining({ version: 1 })]);
      const keys = await t
        .http()
        .get('/api/environments/development/api-keys')
        .set(bearer(token))
        .expect(200);
      expect(keys.body.items).toEqual([
        expect.objectContaining({
          appName: 'Warehouse app',
          label: 'CI pipeline',
          status: 'revoked',
          scope: { readOnly: true },
          usage: expect.objectContaining({ lastUsedAt: expect.any(String) }),
        }),
      ]);

      // And nothing failed in the page along the way
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await page?.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
      throw error;
    }
  });
});
