import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import {
  SAMPLE_CONNECTION_ID,
  createIntegration,
  entityNames,
  eventually,
  publishedOrFail,
} from '../support/publishing';
import { ADMIN, bearer, type TestApp } from '../support/test-app';
import { chooseOption, type ConsoleInBrowser, startConsoleInBrowser } from './support/console-in-browser';

/**
 * The data browser, as users of Hasura's and DreamFactory's consoles expect one: a published
 * integration's rows in the console, read through the same data API apps use and with the user's own
 * rights, filtered, sorted and paged on the server.
 */
const FAILURE_SCREENSHOT = join(tmpdir(), 'data-browser-failure.png');
/** `SCREENS_DIR=docs/screens` writes the screens the README shows. */
const SCREENS = process.env.SCREENS_DIR ?? tmpdir();
const DANA = { username: 'dana', password: 'dana-password-1' };

jest.setTimeout(180_000);

describe('the console, in a browser: browsing a published integration’s data', () => {
  let t: TestApp;
  let page: Page;
  let baseUrl: string;
  let pageErrors: string[];
  let session: ConsoleInBrowser;
  let integrationId: string;
  let orderItems: string;

  beforeAll(async () => {
    session = await startConsoleInBrowser();
    ({ t, page, baseUrl, pageErrors } = session);
    const root = await t.login(ADMIN.username, ADMIN.password);
    integrationId = await createIntegration(t, root, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers', 'order_items'],
    });
    orderItems = (await entityNames(t, root, integrationId)).order_items as string;
    await publishedOrFail(t, root, integrationId);
    // qa serves version 1 too, and dana, a developer of development only, holds no role there
    await t.http().post('/api/environments').set(bearer(root)).send({ name: 'qa', kind: 'qa' }).expect(201);
    await t
      .http()
      .post(`/api/integrations/${integrationId}/deployments`)
      .set(bearer(root))
      .send({ version: 1, environment: 'qa' })
      .expect(200);
    await t
      .http()
      .post('/api/users')
      .set(bearer(root))
      .send({ ...DANA, roles: [{ environment: 'development', role: 'developer' }] })
      .expect(201);
  });

  afterAll(() => session?.close());

  const rows = () => page.getByRole('tabpanel', { name: 'Data' }).locator('tbody tr.ant-table-row');
  const firstCells = async (column: number) =>
    rows().evaluateAll(
      (trs, index) => trs.map((tr) => (tr.children[index] as HTMLElement).innerText),
      column,
    );

  it('shows a developer the rows of each entity, filtered, sorted and paged by the data API, and refuses what their rights refuse', async () => {
    try {
      // Given dana, a developer, on the published integration's Data tab
      await page.goto(`${baseUrl}/`);
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByLabel('Environment').fill('development');
      await page.getByLabel('Username').fill(DANA.username);
      await page.getByLabel('Password').fill(DANA.password);
      await page.getByRole('button', { name: 'Log in', exact: true }).click();
      await page.getByRole('banner').getByText(DANA.username, { exact: true }).waitFor();
      await page.goto(`${baseUrl}/integrations/show/${integrationId}`);
      await page.getByRole('tab', { name: 'Data' }).click();

      // Then development's customers are listed through the data API, with their count
      await page.getByText('10 rows').waitFor();
      expect(await rows().count()).toBe(10);

      // When she sorts by last name, descending (a second click on the header)
      const header = page.getByRole('columnheader', { name: 'last_name' });
      const answered = (part: string) => page.waitForResponse((response) => response.url().includes(part));
      await Promise.all([answered('sort=last_name'), header.click()]);
      await Promise.all([answered('sort=-last_name'), header.click()]);
      // Then the server's order is shown
      await rows().first().getByText('Whitfield', { exact: true }).waitFor();
      const lastNames = await firstCells(3);
      expect(lastNames).toEqual([...lastNames].sort((a, b) => b.localeCompare(a)));

      await page.screenshot({ path: join(SCREENS, 'data-browser.png') });

      // When she filters the customers of the US
      await chooseOption(page, page.getByRole('combobox', { name: 'Filter attribute' }), 'country_code');
      await page.getByLabel('Filter value').fill('US');
      await page.getByRole('button', { name: 'Filter', exact: true }).click();
      // Then only those rows remain
      await page.getByText('2 rows').waitFor();
      expect((await firstCells(1)).sort()).toEqual(['daniel.ruiz@example.com', 'maya.okafor@example.com']);

      // When she turns to the order items, a page at a time
      await chooseOption(page, page.getByRole('combobox', { name: 'Entity' }), orderItems);
      const total = await t
        .http()
        .get(`/api/data/development/${integrationId}/${encodeURIComponent(orderItems)}`)
        .query({ count: true, limit: 1 })
        .set(bearer(await t.login(DANA.username, DANA.password)))
        .expect(200);
      const count = total.body.count as number;
      expect(count).toBeGreaterThan(10);
      await page.getByText(`${count} rows`).waitFor();
      await Promise.all([answered('offset=10'), page.getByRole('listitem', { name: '2' }).click()]);
      await page
        .getByRole('listitem', { name: '2' })
        .and(page.locator('.ant-pagination-item-active'))
        .waitFor();
      const secondPage = await t
        .http()
        .get(`/api/data/development/${integrationId}/${encodeURIComponent(orderItems)}`)
        .query({ offset: 10, limit: 10 })
        .set(bearer(await t.login(DANA.username, DANA.password)))
        .expect(200);
      await eventually(
        async () => ((await rows().count()) === secondPage.body.items.length ? true : undefined),
        `the second page's ${secondPage.body.items.length} rows (of ${count})`,
      );

      // When she picks qa, where she holds no role
      await chooseOption(page, page.getByRole('combobox', { name: 'Environment' }), 'qa');
      // Then the data API's refusal is what she sees, and no row
      await page.getByRole('alert').filter({ hasText: 'AUTH.NO_ACCESS_TO_ENVIRONMENT' }).waitFor();
      expect(await rows().count()).toBe(0);

      // And nothing failed in the page
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
      throw error;
    }
  });
  it('lets a developer try the published version’s data API from its OpenAPI document, with her session or an app’s key', async () => {
    try {
      // Given dana (still logged in) on the integration's "Try the API" tab
      await page.goto(`${baseUrl}/integrations/show/${integrationId}`);
      await page.getByRole('tab', { name: 'Try the API' }).click();
      const list = page.getByRole('button', { name: /GET .* List customers/ });
      await list.waitFor();

      // When she lists the US customers, two at most, with her own session
      await list.click();
      const panel = page.getByRole('tabpanel', { name: 'Try the API' });
      await chooseOption(page, page.getByRole('combobox', { name: 'country_code operator' }), 'eq');
      await panel.getByLabel('country_code value').fill('US');
      await panel.getByLabel('limit', { exact: true }).fill('2');
      await panel.getByRole('button', { name: 'Send' }).first().click();

      // Then the data API answers the rows, as an app would get them
      const answer = panel.getByRole('region', { name: 'Answer' });
      await answer.getByText('200', { exact: true }).waitFor();
      await answer.getByText(/maya\.okafor@example\.com/).waitFor();
      expect(await answer.textContent()).not.toContain('lukas.brenner');
      await page.screenshot({ path: join(SCREENS, 'api-explorer.png') });

      // When she sends the same call with a key that is not one
      await panel.getByLabel('API key').fill('not-a-key');
      await panel.getByRole('button', { name: 'Send' }).first().click();
      // Then the data API's refusal is shown as it is
      await answer.getByText('401', { exact: true }).waitFor();

      // When an administrator gives her app a key and she sends the call with it
      const root = await t.login(ADMIN.username, ADMIN.password);
      const key = (
        await t
          .http()
          .post('/api/environments/development/api-keys')
          .set(bearer(root))
          .send({ appName: 'Explorer app' })
          .expect(201)
      ).body.key as string;
      await panel.getByLabel('API key').fill(key);
      await panel.getByRole('button', { name: 'Send' }).first().click();
      // Then it is answered again, and the key is nowhere in the page's address or storage
      await answer.getByText('200', { exact: true }).waitFor();
      expect(page.url()).not.toContain(key);
      expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).not.toContain(
        key,
      );
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
      throw error;
    }
  });
});
