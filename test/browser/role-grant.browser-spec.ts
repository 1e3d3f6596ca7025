import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { ADMIN, bearer, type TestApp } from '../support/test-app';
import { type ConsoleInBrowser, startConsoleInBrowser } from './support/console-in-browser';

/**
 * A role granted to a logged-in user shows in their open console without logging out: the API marks
 * the answers to their older token stale (X-Session-Stale), the console refreshes its session once and
 * reads its menus, pickers and permissions again.
 */
const FAILURE_SCREENSHOT = join(tmpdir(), 'role-grant-failure.png');
const PASSWORD = 'role-grant-browser-password-1';
const SESSION_KEY = 'integration-builder.session';

jest.setTimeout(180_000);

describe('the console, in a browser: a role granted while logged in', () => {
  let t: TestApp;
  let page: Page;
  let baseUrl: string;
  let pageErrors: string[];
  let session: ConsoleInBrowser;
  let root: string;
  let userId: string;

  const menu = (name: string) => page.getByRole('menuitem', { name });
  const stored = () =>
    page.evaluate(
      (key) =>
        JSON.parse(localStorage.getItem(key) ?? '{}') as {
          accessToken?: string;
          user?: { roles: { environment: string; role: string }[] };
        },
      SESSION_KEY,
    );

  beforeAll(async () => {
    session = await startConsoleInBrowser();
    ({ t, page, baseUrl, pageErrors } = session);
    root = await t.login(ADMIN.username, ADMIN.password);
    await t.http().post('/api/environments').set(bearer(root)).send({ name: 'qa', kind: 'qa' }).expect(201);
    root = await t.login(ADMIN.username, ADMIN.password);
    const { body } = await t
      .http()
      .post('/api/users')
      .set(bearer(root))
      .send({
        username: 'devi',
        password: PASSWORD,
        roles: [{ environment: 'development', role: 'developer' }],
      })
      .expect(201);
    userId = body.id as string;
  });

  afterAll(() => session?.close());

  afterEach(async () => {
    if (expect.getState().assertionCalls === 0 || pageErrors.length > 0)
      await page.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
  });

  it('given a developer with the console open, when an administrator makes them administrator of the new qa environment, then their console shows qa after their next click, without logging out', async () => {
    // Given devi, a developer of development, logged in: no page of an administrator in her menu
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Environment').fill('development');
    await page.getByLabel('Username').fill('devi');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('banner').getByText('devi', { exact: true }).waitFor();
    await menu('My integrations').waitFor();
    expect(await menu('API keys').count()).toBe(0);
    const before = await stored();

    // When an administrator grants her the administrator role on qa, through the API
    await t
      .http()
      .put(`/api/users/${userId}/roles`)
      .set(bearer(root))
      .send({
        roles: [
          { environment: 'development', role: 'developer' },
          { environment: 'qa', role: 'admin' },
        ],
      })
      .expect(200);

    // And she goes on to another page
    await menu('Connections').click();
    await page.waitForURL(`${baseUrl}/connections`);

    // Then the pages of an administrator show in her menu, and the API keys page offers qa
    await menu('API keys').waitFor();
    await menu('API keys').click();
    await page.waitForURL(`${baseUrl}/api-keys`);
    const environment = page.locator('.ant-select', {
      has: page.getByRole('combobox', { name: 'Environment' }),
    });
    await environment.getByTitle('qa', { exact: true }).waitFor();

    // Without a login in between: her session was refreshed and carries the new role
    expect(new URL(page.url()).pathname).toBe('/api-keys');
    const after = await stored();
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.user?.roles).toEqual(expect.arrayContaining([{ environment: 'qa', role: 'admin' }]));
    expect(pageErrors).toEqual([]);
  });
});
