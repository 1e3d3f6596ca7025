import { mkdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type Page } from 'playwright-core';
import { createIntegration } from '../support/publishing';
import { ADMIN, bearer, type TestApp } from '../support/test-app';
import { type ConsoleInBrowser, startConsoleInBrowser } from './support/console-in-browser';

/**
 * An administrator decides a connection request on its page, in a real browser: every detail asked for
 * (never the password), a test of the requested details (one that works, one that does not), and a tab
 * left open after another administrator approved. Then the wizard's attribute panel on a 1366 x 768
 * screen and its last step, Publish, with the publication's steps shown as they happen.
 */
const SCREENS = process.env.SCREENS_DIR ?? tmpdir();
const FAILURE_SCREENSHOT = join(tmpdir(), 'approval-details-failure.png');
const DANA = { username: 'dana', password: 'dana-password-1' };
const ANN = { username: 'ann', password: 'ann-password-1' };
const PASSWORD = 's3cr3t-sealed-pw';

jest.setTimeout(180_000);

describe('the approval screen and the wizard’s Publish, in a browser', () => {
  let t: TestApp;
  let page: Page;
  let baseUrl: string;
  let pageErrors: string[];
  let session: ConsoleInBrowser;
  let admin: string;
  let closedPort: number;

  const post = async (path: string, body: object, token = admin, status = 201) =>
    (await t.http().post(path).set(bearer(token)).send(body).expect(status)).body as Record<string, unknown>;

  /** A port nothing listens on: bound, then closed. */
  const freePort = async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  };

  /** A ledger whose key is not its first column: the attribute panel lists the key first. */
  const createLedger = () => {
    mkdirSync(t.config.sqliteDatabasesDir, { recursive: true });
    const ledger = new DatabaseSync(join(t.config.sqliteDatabasesDir, 'ledger.sqlite'));
    ledger.exec(`CREATE TABLE ledger_lines (
      memo VARCHAR(400) NOT NULL DEFAULT 'no memo for this line of the ledger',
      amount DECIMAL(12, 2) NOT NULL,
      booked_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
      entry_id INTEGER NOT NULL,
      line_no INTEGER NOT NULL,
      PRIMARY KEY (entry_id, line_no)
    )`);
    ledger.close();
  };

  beforeAll(async () => {
    session = await startConsoleInBrowser();
    ({ t, page, baseUrl, pageErrors } = session);
    await page.setViewportSize({ width: 1366, height: 768 });
    admin = await t.login(ADMIN.username, ADMIN.password);
    await post('/api/users', { ...DANA, roles: [{ environment: 'development', role: 'developer' }] });
    await post('/api/users', { ...ANN, roles: [{ environment: 'development', role: 'admin' }] });
    createLedger();
    closedPort = await freePort();
  });

  afterAll(() => session?.close());

  // ---- what a user does, in the words of the screen ----

  /** The value beside a label of a bordered antd Descriptions. */
  const description = (label: string) =>
    page.locator('th', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::td[1]');

  const notified = (message: string | RegExp) =>
    page.locator('.ant-notification-notice').filter({ hasText: message }).first().waitFor();

  const logIn = async ({ username, password }: { username: string; password: string }) => {
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByLabel('Environment').fill('development');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('banner').getByText(username, { exact: true }).waitFor();
  };

  /** Whether the page scrolls sideways: it must not, on a 1366 px screen. */
  const scrollsSideways = () =>
    page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

  const openRequest = async (name: string) => {
    await page.getByRole('menuitem', { name: 'Approvals' }).click();
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { name: `Request for ${name}` }).waitFor();
  };

  it('shows what the administrator decides on, tests the requested details, and tells a stale tab who approved', async () => {
    try {
      // Given dana's requests: a ledger file (with an option and a note), and a MySQL server that is down
      const danaToken = await t.login(DANA.username, DANA.password);
      const ledger = await post(
        '/api/connection-requests',
        {
          name: 'Ledger data',
          provider: 'sqlite',
          details: { path: 'ledger.sqlite', options: { timeoutMs: 2000 } },
          note: 'For the ledger app, please',
        },
        danaToken,
      );
      await post(
        '/api/connection-requests',
        {
          name: 'Orders on MySQL',
          provider: 'mysql',
          details: { host: '127.0.0.1', port: closedPort, database: 'orders', username: 'orders_app' },
          password: PASSWORD,
          note: 'The orders replica',
        },
        danaToken,
      );

      // When the administrator looks at the inbox
      await page.goto(`${baseUrl}/`);
      await logIn(ADMIN);
      await page.getByRole('heading', { name: 'Approvals', exact: true }).waitFor();

      // Then each request says at a glance what it asks for
      const inbox = page.getByRole('table', { name: 'Waiting for your decision' });
      await inbox.getByText('sqlite: ledger.sqlite — “For the ledger app, please”').waitFor();
      await inbox.getByText(`mysql: 127.0.0.1:${closedPort} / orders — “The orders replica”`).waitFor();

      // When the administrator opens the MySQL request
      await openRequest('Orders on MySQL');

      // Then every detail shows: provider, host, port, database, user, options, note, who asked and when
      // (the provider by its name, once the providers are read)
      await description('Provider').getByText('MySQL / MariaDB', { exact: true }).waitFor();
      expect(await description('Host').innerText()).toBe('127.0.0.1');
      expect(await description('Port').innerText()).toBe(String(closedPort));
      expect(await description('Database').innerText()).toBe('orders');
      expect(await description('User').innerText()).toBe('orders_app');
      expect(await description('Options').innerText()).toBe('None (the connector’s defaults)');
      expect(await description('Note').innerText()).toBe('The orders replica');
      expect(await description('Requested by').innerText()).toBe(DANA.username);
      expect(await description('Requested').innerText()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(await description('Status').innerText()).toBe('pending');
      // And never the password
      expect(await page.content()).not.toContain(PASSWORD);

      // When the administrator tests it, then it fails, saying why
      await page.getByRole('button', { name: 'Test connection' }).click();
      const failed = page.getByRole('alert').filter({ hasText: 'Connection failed' });
      await failed.waitFor();
      expect(await failed.innerText()).toMatch(/CONNECTOR\.(UNREACHABLE|TIMEOUT)/);
      expect(await page.content()).not.toContain(PASSWORD);
      expect(await scrollsSideways()).toBe(false);

      // When the administrator opens the ledger request and tests it
      await openRequest('Ledger data');
      await description('Provider').getByText('SQLite', { exact: true }).waitFor();
      expect(await description('File').innerText()).toBe('ledger.sqlite');
      expect(await description('Options').innerText()).toBe('Busy timeout (ms): 2000');
      expect(await description('Note').innerText()).toBe('For the ledger app, please');
      await page.getByRole('button', { name: 'Test connection' }).click();

      // Then it works, with the server's version and the round trip
      const works = page.getByRole('alert').filter({ hasText: 'Connection works' });
      await works.waitFor();
      expect(await works.innerText()).toMatch(/\d+ ms/);
      await page.screenshot({
        path: join(SCREENS, 'approval-screen.png'),
        animations: 'disabled',
        style: '.ant-notification { display: none }',
      });

      // Given this tab hears no more of the event stream (a proxy holds it back), and ann approves the
      // request meanwhile in her own browser
      await page.route('**/api/stream**', (route) => route.abort());
      await page.reload();
      await page.getByRole('heading', { name: 'Request for Ledger data' }).waitFor();
      const annToken = await t.login(ANN.username, ANN.password);
      await post(`/api/connection-requests/${String(ledger.id)}/approve`, {}, annToken, 200);
      expect(await description('Status').innerText()).toBe('pending'); // what this tab still shows

      // When the administrator approves it in this tab
      await page.getByRole('button', { name: 'Approve', exact: true }).click();
      await page.getByRole('tooltip').getByRole('button', { name: 'OK', exact: true }).click();

      // Then they are told who approved it and when, not a version number
      await notified(/Already approved by ann at \d{4}-\d\d-\d\d \d\d:\d\d/);
      expect(await page.locator('.ant-notification-notice').innerText()).not.toMatch(/version|412/i);
      // And the page shows the request as it is now
      await page.waitForFunction(() =>
        [...document.querySelectorAll('th')].some(
          (th) => th.textContent === 'Decided by' && th.nextElementSibling?.textContent === 'ann',
        ),
      );
      expect(await page.getByRole('button', { name: 'Test connection' }).count()).toBe(0);
      await page.unroute('**/api/stream**');
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await page?.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
      throw error;
    }
  });

  it('lists key columns first in the attribute panel, fits 1366 px, and publishes from the review step with its steps shown', async () => {
    try {
      // Given a draft on the approved ledger connection, at its tables step
      const connections = await t.http().get('/api/connections').set(bearer(admin)).expect(200);
      const ledger = (connections.body.items as { id: string; name: string }[]).find(
        ({ name }) => name === 'Ledger data',
      );
      const integrationId = await createIntegration(t, admin, {
        applicationName: 'Ledger',
        connectionId: ledger!.id,
        database: 'main',
      });
      await page.goto(`${baseUrl}/integrations/edit/${integrationId}`);
      await page.getByRole('button', { name: 'ledger_lines', exact: true }).waitFor();

      // When the builder looks at the attributes of ledger_lines
      await page.getByRole('button', { name: 'ledger_lines', exact: true }).click();
      const attributes = page.locator('.ant-card').filter({ hasText: 'Data type' }).last(); // (the innermost)
      await attributes.getByRole('row').filter({ hasText: 'memo' }).waitFor();

      // Then the key columns come first, in key order, then the others as the table lists them
      const names = await attributes
        .locator('tbody tr.ant-table-row td:first-child')
        .evaluateAll((cells) => cells.map((cell) => cell.textContent?.trim()));
      expect(names).toEqual(['entry_id', 'line_no', 'memo', 'amount', 'booked_at']);
      // And the panel fits the screen: the page does not scroll sideways, nor does the panel
      expect(await scrollsSideways()).toBe(false);
      const panelOverflows = await attributes
        .locator('.ant-table-content')
        .evaluate((content) => content.scrollWidth > content.clientWidth);
      expect(panelOverflows).toBe(false);
      await page.screenshot({ path: join(SCREENS, 'wizard-attributes-1366.png'), animations: 'disabled' });

      // When the builder adds the table
      await page
        .getByRole('row')
        .filter({ has: page.getByRole('button', { name: 'ledger_lines', exact: true }) })
        .getByRole('checkbox')
        .check();
      await page.getByRole('button', { name: 'Add 1 table(s)' }).click();

      // Then the review ends with Publish
      await page.getByText('Ready to publish').waitFor();
      expect(await scrollsSideways()).toBe(false);

      // When the builder publishes
      await page.getByRole('button', { name: 'cloud-upload Publish', exact: true }).click();

      // Then the publication's four steps show on the review step, and end published
      const publication = page.getByRole('region', { name: 'Publication' });
      await publication.getByText('Publishing version 1').waitFor();
      for (const step of ['validateSchema', 'generatePackage', 'checkDependencies', 'publish'])
        await publication.locator(`[data-step="${step}"]`).waitFor();
      await publication.getByText('Version 1 is published').waitFor();
      for (const step of ['validateSchema', 'generatePackage', 'checkDependencies', 'publish'])
        expect(await publication.locator(`[data-step="${step}"]`).getAttribute('data-status')).toBe('done');
      expect(await page.getByRole('button', { name: 'cloud-upload Publish', exact: true }).count()).toBe(0);
      await page.screenshot({
        path: join(SCREENS, 'wizard-publish.png'),
        fullPage: true,
        animations: 'disabled',
        style: '.ant-notification { display: none }',
      });

      // When the builder opens the integration, then it is there, published
      await page.getByRole('button', { name: 'Open the integration' }).click();
      await page.waitForURL(`${baseUrl}/integrations/show/${integrationId}`);
      const versions = await t
        .http()
        .get(`/api/integrations/${integrationId}/versions`)
        .set(bearer(admin))
        .expect(200);
      expect(versions.body.items).toEqual([expect.objectContaining({ version: 1 })]);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await page?.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
      throw error;
    }
  });
});
