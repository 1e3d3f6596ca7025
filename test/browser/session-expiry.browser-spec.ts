import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { ADMIN, bearer, type TestApp } from '../support/test-app';
import { chooseOption, type ConsoleInBrowser, startConsoleInBrowser } from './support/console-in-browser';

/**
 * Sessions in the console: an access token that lapsed is refreshed without the user noticing; a login
 * that is over (its refresh cookie gone) says so and brings the user back to their page and form; the
 * tabs share one login.
 *
 * The access token's lapse is played, not waited for: the stored token is replaced by one the API
 * refuses with 401 AUTH.INVALID_TOKEN, exactly as it refuses an expired one, and the stored expiry is put
 * in the past where a check of it is meant.
 */
const FAILURE_SCREENSHOT = join(tmpdir(), 'session-expiry-failure.png');
const PASSWORD = 'sessions-browser-password-1';
const SESSION_KEY = 'integration-builder.session';

jest.setTimeout(180_000);

describe('the console, in a browser: sessions that expire and come back', () => {
  let t: TestApp;
  let page: Page;
  let baseUrl: string;
  let pageErrors: string[];
  let session: ConsoleInBrowser;

  const logIn = async (target: Page = page) => {
    await target.getByLabel('Environment').fill('development');
    await target.getByLabel('Username').fill('sasha');
    await target.getByLabel('Password').fill(PASSWORD);
    await target.getByRole('button', { name: 'Log in', exact: true }).click();
  };
  const storedToken = () =>
    page.evaluate(
      (key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { accessToken?: string }).accessToken,
      SESSION_KEY,
    );
  /** The access token lapses: the API refuses the stored one as it refuses an expired one. */
  const lapseAccessToken = (expiry: 'kept' | 'past') =>
    page.evaluate(
      ({ key, expiry }) => {
        const stored = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
        stored.accessToken = 'lapsed.access.token';
        if (expiry === 'past') stored.expiresAt = new Date(Date.now() - 1000).toISOString();
        localStorage.setItem(key, JSON.stringify(stored));
      },
      { key: SESSION_KEY, expiry },
    );

  beforeAll(async () => {
    session = await startConsoleInBrowser();
    ({ t, page, baseUrl, pageErrors } = session);
    const root = await t.login(ADMIN.username, ADMIN.password);
    await t
      .http()
      .post('/api/users')
      .set(bearer(root))
      .send({
        username: 'sasha',
        password: PASSWORD,
        roles: [{ environment: 'development', role: 'developer' }],
      })
      .expect(201);
  });

  afterAll(() => session?.close());

  afterEach(async () => {
    if (expect.getState().assertionCalls === 0 || pageErrors.length > 0)
      await page.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
  });

  it('given a lapsed access token and a valid refresh cookie, when the user goes on, then the session is refreshed silently', async () => {
    // Given sasha logged in, on the connections page
    await page.goto(`${baseUrl}/login`);
    await logIn();
    await page.getByRole('banner').getByText('sasha', { exact: true }).waitFor();
    await page.getByRole('menuitem', { name: 'Connections' }).click();
    await page.waitForURL(`${baseUrl}/connections`);
    const cookieBefore = (await page.context().cookies()).find(({ name }) => name === 'ib_refresh');
    expect(cookieBefore).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });

    // When the access token lapses and they open another page
    await lapseAccessToken('kept');
    await page.getByRole('menuitem', { name: 'Connection requests' }).click();

    // Then the page shows, no login page in between, with a new access token and a rotated cookie
    await page.waitForURL(`${baseUrl}/connection-requests`);
    await page.waitForFunction(
      (key) => !(localStorage.getItem(key) ?? '').includes('lapsed.access.token'),
      SESSION_KEY,
    );
    await page.getByRole('button', { name: 'Request a connection' }).waitFor();
    expect(page.url()).not.toContain('/login');
    expect(await storedToken()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const cookieAfter = (await page.context().cookies()).find(({ name }) => name === 'ib_refresh');
    expect(cookieAfter?.value).not.toBe(cookieBefore?.value);

    // And an access token whose stored expiry passed (a tab asleep) is refreshed on a reload too
    await lapseAccessToken('past');
    await page.reload();
    await page.getByRole('button', { name: 'Request a connection' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/connection-requests');
    expect(await storedToken()).not.toBe('lapsed.access.token');
    expect(pageErrors).toEqual([]);
  });

  it('given a login that is over, when the user sends their form, then the login page says the session expired and brings them back to the form with its values', async () => {
    // Given sasha filling in a connection request
    await page.goto(`${baseUrl}/connection-requests/create`);
    await page.getByLabel('Name', { exact: true }).fill('Orders MySQL');
    await chooseOption(page, page.getByRole('combobox', { name: 'Provider' }), 'MySQL / MariaDB');
    await page.getByLabel('Host', { exact: true }).fill('db.example.com');
    await page.getByLabel('Note for the administrator').fill('For the orders integration');

    // When the access token lapsed and the refresh cookie is gone (expired), and they send it
    await lapseAccessToken('kept');
    await page.context().clearCookies();
    await page.getByLabel('Username', { exact: true }).fill('orders');
    await page.getByLabel('Password', { exact: true }).fill('orders-password');
    await page.getByRole('button', { name: 'Send request' }).click();

    // Then the login page says why
    await page.getByText('Your session expired: log in again').waitFor();
    expect(new URL(page.url()).searchParams.get('to')).toBe('/connection-requests/create');

    // And once logged in again they are back on the form with what they had typed (but the password)
    await logIn();
    await page.waitForURL(`${baseUrl}/connection-requests/create`);
    await page.getByLabel('Host', { exact: true }).waitFor();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Orders MySQL');
    expect(await page.getByLabel('Host', { exact: true }).inputValue()).toBe('db.example.com');
    expect(await page.getByLabel('Username', { exact: true }).inputValue()).toBe('orders');
    expect(await page.getByLabel('Note for the administrator').inputValue()).toBe(
      'For the orders integration',
    );
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain('orders-password');
    expect(pageErrors).toEqual([]);
  });

  it('given a login that is over mid-wizard, when the user goes on, then once logged in again each step comes back with what they had chosen', async () => {
    // Given a connection sasha may use
    const root = await t.login(ADMIN.username, ADMIN.password);
    await t
      .http()
      .post('/api/connections')
      .set(bearer(root))
      .send({
        name: 'Orders data',
        provider: 'sqlite',
        environment: 'development',
        details: { path: 'sample.sqlite' },
      })
      .expect(201);
    const loginIsOver = async () => {
      await lapseAccessToken('kept');
      await page.context().clearCookies();
    };
    const backFromLogin = async (path: string) => {
      await page.getByText('Your session expired: log in again').waitFor();
      expect(new URL(page.url()).searchParams.get('to')).toBe(path);
      await logIn();
      await page.waitForURL(`${baseUrl}${path}`);
    };

    // Given sasha naming a new integration on SQLite
    await page.goto(`${baseUrl}/integrations/create`);
    await page.getByRole('radio', { name: 'SQLite' }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByLabel('Application name').pressSequentially('Orders');
    await page.getByLabel('Module name').fill('Orders_Service');

    // When the login is over as they create the draft
    await loginIsOver();
    await page.getByRole('button', { name: 'Create draft', exact: true }).click();

    // Then once logged in again they are back on the settings, with the names they had typed
    await backFromLogin('/integrations/create');
    await page.getByRole('button', { name: 'Create draft', exact: true }).waitFor();
    expect(await page.getByLabel('Application name').inputValue()).toBe('Orders');
    expect(await page.getByLabel('Module name').inputValue()).toBe('Orders_Service');

    // When they create it, attach the connection, choose the database main, and the login is over as
    // they go on
    await page.getByRole('button', { name: 'Create draft', exact: true }).click();
    await page.waitForURL(/\/integrations\/edit\/[0-9a-f-]{36}$/);
    const draftPath = new URL(page.url()).pathname;
    await chooseOption(page, page.getByRole('combobox', { name: 'Connection' }), 'Orders data');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByText('Select the database this integration consumes.').waitFor();
    await page.getByRole('radio', { name: 'main' }).check();
    await loginIsOver();
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    // Then once logged in again they are back on the database step, main still chosen
    await backFromLogin(draftPath);
    await page.getByText('Select the database this integration consumes.').waitFor();
    expect(await page.getByRole('radio', { name: 'main' }).isChecked()).toBe(true);

    // When they go on, select two tables, and the login is over as they add them
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    const tableRow = (name: string) =>
      page.getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) });
    await tableRow('customers').getByRole('checkbox').check();
    await tableRow('orders').getByRole('checkbox').check();
    await loginIsOver();
    await page.getByRole('button', { name: 'Add 2 table(s)' }).click();

    // Then once logged in again both tables are still selected, and adding them leads to the review
    await backFromLogin(draftPath);
    await page.getByRole('button', { name: 'Add 2 table(s)' }).waitFor();
    expect(await tableRow('customers').getByRole('checkbox').isChecked()).toBe(true);
    expect(await tableRow('orders').getByRole('checkbox').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Add 2 table(s)' }).click();
    await page.getByText('Ready to publish').waitFor();
    await page.getByRole('heading', { name: 'Entities (2)' }).waitFor();

    // And what was sent is kept no longer
    const kept = await page.evaluate(() =>
      Object.keys(sessionStorage).filter((key) => key.startsWith('integration-builder.draft.integration')),
    );
    expect(kept).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('given a login that is over while requesting a connection from the wizard, when the user sends it, then once logged in again the request form is open with what they had typed', async () => {
    // Given sasha's new draft on SQLite, at its connect step, filling in a request for a new connection
    await page.goto(`${baseUrl}/integrations/create`);
    await page.getByRole('radio', { name: 'SQLite' }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByLabel('Application name').pressSequentially('Ledger');
    await page.getByLabel('Module name').fill('Ledger_Service');
    await page.getByRole('button', { name: 'Create draft', exact: true }).click();
    await page.waitForURL(/\/integrations\/edit\/[0-9a-f-]{36}$/);
    const draftPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Request a new connection' }).click();
    const form = page.getByRole('dialog', { name: 'Request a new connection' });
    await form.getByLabel('Name', { exact: true }).fill('Ledger file');
    await form.getByLabel('File (relative to the databases folder)').fill('ledger.sqlite');
    await form.getByLabel('Note for the administrator').fill('The ledger, read-only is enough');

    // When the login is over as they send it (or as the page reads something first: it comes to the same)
    await lapseAccessToken('kept');
    await page.context().clearCookies();
    const expired = page.getByText('Your session expired: log in again');
    await form.getByRole('button', { name: 'Send request' }).or(expired).first().click();

    // Then once logged in again they are back on the draft, the request form open with what they typed
    await expired.waitFor();
    expect(new URL(page.url()).searchParams.get('to')).toBe(draftPath);
    await logIn();
    await page.waitForURL(`${baseUrl}${draftPath}`);
    const again = page.getByRole('dialog', { name: 'Request a new connection' });
    await again.getByLabel('Name', { exact: true }).waitFor();
    expect(await again.getByLabel('Name', { exact: true }).inputValue()).toBe('Ledger file');
    expect(await again.getByLabel('File (relative to the databases folder)').inputValue()).toBe(
      'ledger.sqlite',
    );
    expect(await again.getByLabel('Note for the administrator').inputValue()).toBe(
      'The ledger, read-only is enough',
    );

    // When they send it now, then it is sent, and the form is kept no longer
    await again.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Your request was sent to an administrator').waitFor();
    const kept = await page.evaluate(() =>
      Object.keys(sessionStorage).filter((key) => key.includes('request-connection')),
    );
    expect(kept).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('given two tabs, then they share one login: a logout in one brings the other to the login page', async () => {
    // Given two tabs of one browser: logged in in the first, the second is logged in without logging in
    const context = await session.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const [first, second] = [await context.newPage(), await context.newPage()];
    try {
      await first.goto(`${baseUrl}/login`);
      await logIn(first);
      await first.getByRole('banner').getByText('sasha', { exact: true }).waitFor();
      await second.goto(`${baseUrl}/connections`);
      await second.getByRole('banner').getByText('sasha', { exact: true }).waitFor();

      // When the first tab logs out
      await first.getByRole('menuitem', { name: 'Logout' }).click();
      await first.getByRole('button', { name: 'Log in', exact: true }).waitFor();

      // Then the second tab is on the login page too, without a 'session expired' notice
      await second.getByRole('button', { name: 'Log in', exact: true }).waitFor();
      expect(await second.getByText('Your session expired').count()).toBe(0);

      // And a login in the second tab logs the first one in again
      await logIn(second);
      await first.getByRole('banner').getByText('sasha', { exact: true }).waitFor();
    } finally {
      await context.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
