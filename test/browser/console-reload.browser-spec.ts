import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { SAMPLE_CONNECTION_ID, createIntegration } from '../support/publishing';
import { ADMIN, type TestApp } from '../support/test-app';
import { type ConsoleInBrowser, startConsoleInBrowser } from './support/console-in-browser';

/**
 * Every console page reloaded (or opened from a bookmark) is a full page load of its own address:
 * the server must answer the console's shell for each, not a problem-details JSON, and the console
 * must run under the Content-Security-Policy it is served with.
 */
const FAILURE_SCREENSHOT = join(tmpdir(), 'console-reload-failure.png');

jest.setTimeout(180_000);

/** The pages of apps/console/src/App.tsx (and resources.tsx); `:id` is an integration of the sample. */
const PAGES = [
  '/',
  '/approvals',
  '/profile',
  '/profile/password',
  '/integrations',
  '/integrations/create',
  '/integrations/show/:id',
  '/integrations/edit/:id',
  '/connections',
  '/connections/create',
  '/connection-requests',
  '/connection-requests/create',
  '/environments',
  '/environments/create',
  '/users',
  '/users/create',
  '/api-keys',
  '/dependencies',
  '/projections',
  '/no-such-page',
];

describe('the console, in a browser: reloading every page', () => {
  let t: TestApp;
  let page: Page;
  let baseUrl: string;
  let pageErrors: string[];
  let session: ConsoleInBrowser;
  const violations: string[] = [];

  beforeAll(async () => {
    session = await startConsoleInBrowser();
    ({ t, page, baseUrl, pageErrors } = session);
    // Reported from the page itself: the CSP blocks nothing silently.
    await page.exposeFunction('reportCspViolation', (violation: string) => violations.push(violation));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportCspViolation: (violation: string) => void }).reportCspViolation(
          `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} in ${event.sourceFile}:${event.lineNumber}`,
        ),
      ),
    );
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
  });

  afterAll(() => session?.close());

  it('serves the console, under its security headers, for a reload of every page, and the page works', async () => {
    try {
      // Given an administrator logged in, and an integration to show and edit
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('Environment').fill('development');
      await page.getByLabel('Username').fill(ADMIN.username);
      await page.getByLabel('Password').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Log in', exact: true }).click();
      await page.getByRole('banner').getByText(ADMIN.username, { exact: true }).waitFor();
      const token = await t.login(ADMIN.username, ADMIN.password);
      const id = await createIntegration(t, token, {
        applicationName: 'Reloaded shop',
        connectionId: SAMPLE_CONNECTION_ID,
        tables: ['customers'],
      });

      for (const path of PAGES.map((page) => page.replace(':id', id))) {
        // When the page is loaded from its address, as a reload or a bookmark does
        const response = await page.goto(`${baseUrl}${path}`);

        // Then the answer is the console's shell with its security headers, not problem JSON
        expect({ path, type: response?.headers()['content-type'] }).toEqual({
          path,
          type: expect.stringContaining('text/html'),
        });
        expect(response?.headers()).toMatchObject({
          'content-security-policy': expect.stringContaining("script-src 'self'"),
          'x-frame-options': 'DENY',
          'x-content-type-options': 'nosniff',
        });
        // And the console runs there: its menu shows, and no raw problem is on the page
        await page.getByRole('menuitem', { name: 'Connections' }).waitFor();
        expect(await page.locator('body').innerText()).not.toContain('"type":"/problems/');
      }

      // And nothing was refused by the policy, and no page failed
      expect(violations).toEqual([]);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
      throw error;
    }
  });

  it('serves the login page on a reload while logged out', async () => {
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });

    const response = await page.goto(`${baseUrl}/login`);

    expect(response?.headers()['content-type']).toContain('text/html');
    await page.getByRole('button', { name: 'Log in', exact: true }).waitFor();
    expect(violations).toEqual([]);
  });
});
