import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { ADMIN, bearer, type TestApp } from '../support/test-app';
import { type ConsoleInBrowser, startConsoleInBrowser } from './support/console-in-browser';

/** A user changes their own password from the user menu; a one-time password leads there first. */
const FAILURE_SCREENSHOT = join(tmpdir(), 'change-password-failure.png');
const PASSWORD = 'dana-first-password';

jest.setTimeout(180_000);

describe('the console, in a browser: changing one’s own password', () => {
  let t: TestApp;
  let page: Page;
  let baseUrl: string;
  let pageErrors: string[];
  let session: ConsoleInBrowser;
  let userId: string;

  const logIn = async (username: string, password: string) => {
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Environment').fill('development');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
  };
  const logOut = async () => {
    await page.getByRole('menuitem', { name: 'Logout' }).click();
    await page.getByRole('button', { name: 'Log in', exact: true }).waitFor();
  };
  const fill = async (current: string, next: string, again = next) => {
    await page.getByLabel(/^(Current|One-time) password$/).fill(current);
    await page.getByLabel('New password', { exact: true }).fill(next);
    await page.getByLabel('New password again').fill(again);
    await page.getByRole('button', { name: 'Change password' }).click();
  };

  beforeAll(async () => {
    session = await startConsoleInBrowser();
    ({ t, page, baseUrl, pageErrors } = session);
    const root = await t.login(ADMIN.username, ADMIN.password);
    const created = await t
      .http()
      .post('/api/users')
      .set(bearer(root))
      .send({
        username: 'dana',
        password: PASSWORD,
        roles: [{ environment: 'development', role: 'developer' }],
      })
      .expect(201);
    userId = created.body.id as string;
  });

  afterAll(() => session?.close());

  afterEach(async () => {
    if (expect.getState().assertionCalls === 0 || pageErrors.length > 0)
      await page.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
  });

  it('given a logged-in developer, when they change their password from the user menu, then a wrong current password is said on its field and the new one logs them in', async () => {
    // Given dana logged in
    await logIn('dana', PASSWORD);
    await page.getByRole('banner').getByText('dana', { exact: true }).waitFor();

    // When they open Change password from the user menu
    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    await page.waitForURL(`${baseUrl}/profile/password`);

    // Then two different new passwords are refused before any call, and a wrong current one by the API
    await fill(PASSWORD, 'dana-second-password', 'something-else');
    await page.getByText('The passwords differ').waitFor();
    await fill('not-my-password', 'dana-second-password');
    await page.getByText('is not your current password').waitFor();

    // And the right one changes it: they stay logged in, told so
    await fill(PASSWORD, 'dana-second-password');
    await page.getByText('Password changed').waitFor();
    await page.getByRole('banner').getByText('dana', { exact: true }).waitFor();
    await t
      .http()
      .post('/api/auth/login')
      .send({ environment: 'development', username: 'dana', password: PASSWORD })
      .expect(401);

    // And the new password is the one that logs in
    await logOut();
    await logIn('dana', 'dana-second-password');
    await page.getByRole('banner').getByText('dana', { exact: true }).waitFor();
    await logOut();
    expect(pageErrors).toEqual([]);
  });

  it('given a one-time password an administrator set, when the user logs in with it, then they choose their own before anything else', async () => {
    // Given a one-time password for dana
    const root = await t.login(ADMIN.username, ADMIN.password);
    const reset = await t.http().post(`/api/users/${userId}/password-reset`).set(bearer(root)).expect(200);
    const oneTimePassword = reset.body.oneTimePassword as string;

    // When dana logs in with it
    await logIn('dana', oneTimePassword);

    // Then the change-password page comes first, and their own password opens the console
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await fill(oneTimePassword, 'dana-third-password');
    await page.getByRole('banner').getByText('dana', { exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/integrations');
    expect(pageErrors).toEqual([]);
  });
});
