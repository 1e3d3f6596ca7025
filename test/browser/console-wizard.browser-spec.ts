import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { ADMIN, bearer, type TestApp } from '../support/test-app';
import { chooseOption, type ConsoleInBrowser, startConsoleInBrowser } from './support/console-in-browser';

/**
 * A new developer builds an integration through the console, in a real browser: the built console
 * (`npm run build:console`) served by the real API on a fresh data folder, driven in Debian's chromium.
 */
const REVIEW_SCREENSHOT = join(tmpdir(), 'console-review.png');
const FAILURE_SCREENSHOT = join(tmpdir(), 'console-wizard-failure.png');
const DANA = { username: 'dana', password: 'dana-password-1' };

jest.setTimeout(180_000);

describe('the console, in a browser: a new developer builds an integration', () => {
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

  // ---- what a user does, in the words of the screen ----

  const menu = (name: string) => page.getByRole('menuitem', { name });

  const choose = (field: Locator, option: string) => chooseOption(page, field, option);

  /** The value shown beside a label of a bordered antd Descriptions (the review). */
  const description = (label: string) =>
    page.locator('th', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::td[1]');

  const atLoginPage = () => page.waitForURL((url) => url.pathname === '/login' && url.search === '');

  const logIn = async ({ username, password }: { username: string; password: string }) => {
    await atLoginPage();
    await page.getByLabel('Environment').fill('development');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('banner').getByText(username, { exact: true }).waitFor();
  };

  const logOut = async () => {
    await menu('Logout').click();
    // A plain login page: the next user must not be sent back to this user's page.
    await atLoginPage();
  };

  const notified = (message: string) =>
    page.locator('.ant-notification-notice').filter({ hasText: message }).first().waitFor();

  it('lets an administrator add a developer who requests a connection, gets it approved, and reviews an integration of two tables', async () => {
    try {
      await page.goto(`${baseUrl}/`);

      // Given the administrator, logged in
      await logIn(ADMIN);
      await page.getByRole('heading', { name: 'Approvals', exact: true }).waitFor(); // an administrator's home

      // When the administrator creates the developer dana in Users
      await menu('Users').click();
      await page.getByRole('button', { name: 'Create user' }).click();
      await page.getByRole('heading', { name: 'Create User' }).waitFor();
      await page.getByLabel('Username').fill(DANA.username);
      await page.getByLabel('Password').fill(DANA.password);
      await choose(page.getByRole('combobox', { name: 'Environment' }), 'development');
      await choose(page.getByRole('combobox', { name: 'Role' }), 'Developer');
      await page.getByRole('button', { name: 'Save' }).click();

      // Then dana is listed with the developer role in development
      const danaRow = page
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: 'dana', exact: true }) });
      await danaRow.getByText('development: developer').waitFor();

      // When dana logs in and starts an integration on SQLite
      await logOut();
      await logIn(DANA);
      expect(await menu('Users').count()).toBe(0); // administrators only
      await page.getByRole('button', { name: 'Create integration' }).click();
      await page.getByRole('radio', { name: 'SQLite' }).click();
      expect(await page.getByRole('radio', { name: 'SQLite' }).getAttribute('aria-checked')).toBe('true');
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByLabel('Application name').pressSequentially('Shop');

      // Then the module name follows the application name with the _IS suffix
      expect(await page.getByLabel('Module name').inputValue()).toBe('Shop_IS');

      // And NULLs are preserved unless dana chooses otherwise, which she does
      expect(await page.getByRole('radio', { name: 'Preserve' }).isChecked()).toBe(true);
      await page.getByRole('radio', { name: 'Overwrite' }).check();

      // When dana creates the draft
      await page.getByRole('button', { name: 'Create draft', exact: true }).click();

      // Then the wizard asks for a connection, and the draft has its own address
      await page.getByText('Select a connection to your SQLite database').waitFor();
      await page.waitForURL(/\/integrations\/edit\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: 'Create integration' }).waitFor();
      const integrationId = new URL(page.url()).pathname.split('/').pop() as string;
      expect(await page.getByRole('button', { name: 'Next', exact: true }).isDisabled()).toBe(true);

      // When dana, who may not create connections, requests one (a SQLite connection is just a file:
      // its provider asks for no password)
      expect(await page.getByRole('button', { name: 'Create a connection' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Request a new connection' }).click();
      const request = page.getByRole('dialog', { name: 'Request a new connection' });
      await request.getByLabel('Name').fill('Shop data');
      await request.getByLabel('File (relative to the databases folder)').fill('sample.sqlite');
      await request.getByLabel('Note for the administrator').fill('For the Shop app, please');
      await request.getByRole('button', { name: 'Send request', exact: true }).click();

      // Then the wizard says an administrator was asked
      await page.getByText('Your request was sent to an administrator').waitFor();
      await request.waitFor({ state: 'hidden' });

      // When the administrator approves the request
      await logOut();
      await logIn(ADMIN);
      await menu('Connection requests').click();
      const requestRow = page
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: 'Shop data', exact: true }) });
      await requestRow.getByRole('cell', { name: 'pending', exact: true }).waitFor();
      await requestRow.getByRole('cell', { name: 'dana', exact: true }).waitFor(); // requested by
      await requestRow.getByRole('button', { name: 'Approve', exact: true }).click();
      await page.getByRole('tooltip').getByRole('button', { name: 'OK', exact: true }).click();

      // Then it is approved, by the administrator
      await notified('Request approved: the connection was created');
      await requestRow.getByRole('cell', { name: 'approved', exact: true }).waitFor();
      await requestRow.getByRole('cell', { name: ADMIN.username, exact: true }).waitFor(); // decided by

      // When dana continues the draft with the approved connection and the database main
      await logOut();
      await logIn(DANA);
      expect(await page.getByText('Request approved: the connection was created').count()).toBe(0); // not hers
      const draftRow = page
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: 'Shop', exact: true }) });
      await draftRow.getByRole('cell', { name: 'draft', exact: true }).waitFor();
      await draftRow.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Edit integration' }).waitFor();
      await choose(page.getByRole('combobox', { name: 'Connection' }), 'Shop data');
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByText('Select the database this integration consumes.').waitFor();
      await page.getByRole('radio', { name: 'main' }).check();
      await page.getByRole('button', { name: 'Next', exact: true }).click();

      // Then the tables and views of main are listed
      for (const table of ['categories', 'customers', 'order_items', 'order_totals', 'orders', 'products'])
        await page.getByRole('button', { name: table, exact: true }).waitFor();

      // When dana looks at the attributes of customers
      await page.getByRole('button', { name: 'customers', exact: true }).click();

      // Then they show with their data types, sizes and defaults
      const attributes = page.locator('.ant-card').filter({ hasText: 'Data type' });
      const key = attributes.getByRole('row').filter({ hasText: 'customer_id' });
      await key.getByText('INTEGER', { exact: true }).waitFor();
      await attributes
        .getByRole('row')
        .filter({ hasText: 'email' })
        .getByText('VARCHAR(120)', { exact: true })
        .waitFor();
      await attributes.getByRole('row').filter({ hasText: 'country_code' }).getByText('US').waitFor();

      // When dana selects customers and orders and adds them
      const tableRow = (name: string) =>
        page.getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) });
      await tableRow('customers').getByRole('checkbox').check();
      await tableRow('orders').getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Add 2 table(s)' }).click();

      // Then the review shows the connection, the database and both entities
      await page.getByText('Ready to publish').waitFor();
      expect(await description('Application').innerText()).toContain('Shop');
      expect(await description('Module').innerText()).toBe('Shop_IS');
      expect(await description('Connection').innerText()).toBe('Shop data');
      expect(await description('Database').innerText()).toBe('main');
      expect(await description('Null values').innerText()).toBe('overwrite');
      await page.getByRole('heading', { name: 'Entities (2)' }).waitFor();
      // (an entity's panel header: entity name, table, kind, attribute count)
      await page.getByRole('button', { name: /customers customers table 10 attributes/ }).waitFor();
      await page.getByRole('button', { name: /orders orders table 9 attributes/ }).waitFor();
      await page.screenshot({
        path: REVIEW_SCREENSHOT,
        fullPage: true,
        animations: 'disabled',
        style: '.ant-notification { display: none }', // passing notices would cover the steps
      });

      // And the API agrees: two entities, on the connection the administrator approved
      const adminToken = await t.login(ADMIN.username, ADMIN.password);
      const requests = await t.http().get('/api/connection-requests').set(bearer(adminToken)).expect(200);
      const approved = requests.body.items.find((item: { name: string }) => item.name === 'Shop data');
      const danaToken = await t.login(DANA.username, DANA.password);
      const dana = (await t.http().get('/api/auth/me').set(bearer(danaToken)).expect(200)).body;
      expect(approved).toMatchObject({
        status: 'approved',
        requestedBy: dana.id,
        provider: 'sqlite',
        details: { path: 'sample.sqlite' },
        note: 'For the Shop app, please',
        connectionId: expect.any(String),
      });
      const saved = await t
        .http()
        .get(`/api/integrations/${integrationId}`)
        .set(bearer(danaToken))
        .expect(200);
      expect(saved.body).toMatchObject({
        applicationName: 'Shop',
        moduleName: 'Shop_IS',
        provider: 'sqlite',
        status: 'draft',
        connectionId: approved.connectionId,
        database: 'main',
        nullPolicy: 'overwrite',
      });
      expect(saved.body.entities.map((entity: { table: string }) => entity.table).sort()).toEqual([
        'customers',
        'orders',
      ]);

      // And nothing failed in the page along the way
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await page?.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
      throw error;
    }
  });
});
