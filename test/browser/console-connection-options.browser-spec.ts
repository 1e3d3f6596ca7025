import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { ADMIN, bearer, type TestApp } from '../support/test-app';
import { chooseOption, type ConsoleInBrowser, startConsoleInBrowser } from './support/console-in-browser';

/**
 * An administrator sets a MySQL connection's advanced options in the console (built by
 * `npm run build:console`, served by the real API); creating it does not contact the server.
 */
const FAILURE_SCREENSHOT = join(tmpdir(), 'console-connection-options-failure.png');

jest.setTimeout(120_000);

describe('the console, in a browser: advanced connection options', () => {
  let t: TestApp;
  let page: Page;
  let baseUrl: string;
  let pageErrors: string[];
  let session: ConsoleInBrowser;

  beforeAll(async () => {
    session = await startConsoleInBrowser();
    ({ t, page, baseUrl, pageErrors } = session);
  });

  afterAll(() => session?.close());

  const choose = (field: Locator, option: string) => chooseOption(page, field, option);

  it('lets an administrator create a MySQL connection with TLS required and a connect timeout', async () => {
    try {
      // Given the administrator, logged in, on "Create connection"
      await page.goto(`${baseUrl}/`);
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByLabel('Environment').fill('development');
      await page.getByLabel('Username').fill(ADMIN.username);
      await page.getByLabel('Password').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Log in', exact: true }).click();
      await page.getByRole('banner').getByText(ADMIN.username, { exact: true }).waitFor();
      await page.getByRole('menuitem', { name: 'Connections' }).click();
      await page.getByRole('button', { name: 'Create connection' }).click();

      // When the administrator chooses MySQL and fills in the server
      await page.getByLabel('Name', { exact: true }).fill('Orders MySQL');
      await choose(page.getByRole('combobox', { name: 'Provider' }), 'MySQL / MariaDB');
      await page.getByLabel('Host', { exact: true }).fill('db.example.com');
      await page.getByLabel('Username', { exact: true }).fill('orders');
      await page.getByLabel('Password', { exact: true }).fill('orders-password');

      // Then the advanced options of MySQL show, folded away, with the TLS promise
      await page.getByRole('button', { name: 'Advanced options' }).click();
      await page.getByText('TLS is never silently downgraded').waitFor();
      const tls = page.getByRole('combobox', { name: 'TLS' });
      await tls.waitFor();
      expect(await page.getByLabel('Instance name').count()).toBe(0); // SQL Server's only

      // And the CA certificate is asked for only when the certificate is verified
      expect(await page.getByLabel('CA certificate (PEM)').count()).toBe(0);
      await choose(tls, 'Verify (encrypted, certificate verified)');
      await page.getByLabel('CA certificate (PEM)').waitFor();
      await choose(tls, 'Required (encrypted, certificate not verified)');
      await page.getByLabel('CA certificate (PEM)').waitFor({ state: 'detached' });

      // When the administrator sets a connect timeout and saves
      await page.getByLabel('Connect timeout (ms)').fill('5000');
      await page.getByRole('button', { name: 'Save' }).click();

      // Then the connection is listed
      await page.getByRole('cell', { name: 'Orders MySQL', exact: true }).waitFor();

      // And the API holds exactly the options set (the others keep their defaults)
      const token = await t.login(ADMIN.username, ADMIN.password);
      const list = await t.http().get('/api/connections').set(bearer(token)).expect(200);
      const created = list.body.items.find((item: { name: string }) => item.name === 'Orders MySQL');
      expect(created).toMatchObject({
        provider: 'mysql',
        details: { host: 'db.example.com', username: 'orders' },
        hasSecret: true,
      });
      expect(created.details.options).toEqual({ tls: 'required', connectTimeoutMs: 5000 });
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await page?.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
      throw error;
    }
  });
});
