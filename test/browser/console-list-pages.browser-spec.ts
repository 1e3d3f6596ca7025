import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { ADMIN, bearer, type TestApp } from '../support/test-app';
import { type ConsoleInBrowser, startConsoleInBrowser } from './support/console-in-browser';

/**
 * A list longer than the API's default page (50) pages on the server: the console asks the API for
 * the page shown, in the order shown, and its pagination counts every row the API's total counts.
 * A column filter is the API's filter too.
 */
const FAILURE_SCREENSHOT = join(tmpdir(), 'console-list-pages-failure.png');
const INTEGRATIONS = 55;

jest.setTimeout(180_000);

describe('the console, in a browser: lists paged, sorted and filtered on the server', () => {
  let t: TestApp;
  let page: Page;
  let baseUrl: string;
  let pageErrors: string[];
  let session: ConsoleInBrowser;
  const listRequests: URL[] = [];

  /** `Shop 01` ... `Shop 55`, created in that order (so listed newest first, `Shop 55` first). */
  const shop = (n: number) => `Shop ${String(n).padStart(2, '0')}`;
  const range = (from: number, to: number) =>
    Array.from({ length: Math.abs(to - from) + 1 }, (_, i) => shop(from < to ? from + i : from - i));

  beforeAll(async () => {
    session = await startConsoleInBrowser();
    ({ t, page, baseUrl, pageErrors } = session);
    const token = await t.login(ADMIN.username, ADMIN.password);
    for (let n = 1; n <= INTEGRATIONS; n++)
      await t
        .http()
        .post('/api/integrations')
        .set(bearer(token))
        .send({ provider: 'sqlite', applicationName: shop(n) })
        .expect(201);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/integrations') listRequests.push(url);
    });
  });

  afterAll(() => session?.close());

  // ---- what a user sees, in the words of the screen ----

  const table = () => page.locator('.ant-table');
  /** The application names of the rows shown, top to bottom. */
  const shownNames = () => table().locator('tbody tr.ant-table-row td:first-child').allInnerTexts();
  /** The rows once the page shows them (a page is read a moment after it is asked for). */
  const expectRows = async (names: string[]) => {
    for (let attempt = 0; attempt < 100; attempt++) {
      if ((await shownNames()).join('|') === names.join('|')) break;
      await page.waitForTimeout(100);
    }
    expect(await shownNames()).toEqual(names);
  };
  const pagination = () => page.locator('.ant-pagination');
  const pageButton = (n: number) => pagination().getByTitle(String(n), { exact: true });
  /** The integration list the console last asked the API for, as its query. */
  const lastListQuery = () => Object.fromEntries(listRequests.at(-1)?.searchParams ?? []);

  it('shows page 2 and the last page from the server, with a pagination of every integration', async () => {
    try {
      // Given the administrator, logged in, on My integrations
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('Environment').fill('development');
      await page.getByLabel('Username').fill(ADMIN.username);
      await page.getByLabel('Password').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Log in', exact: true }).click();
      await page.getByRole('heading', { name: 'Approvals', exact: true }).waitFor(); // an administrator's home
      await page.getByRole('menuitem', { name: 'My integrations' }).click();
      await page.getByRole('heading', { name: 'My integrations', exact: true }).waitFor();
      await expectRows(range(55, 46));

      // Then the pagination counts all 55 integrations: 6 pages of 10
      expect(await pagination().locator('.ant-pagination-item').last().innerText()).toBe('6');

      // When the user opens page 2
      await pageButton(2).click();

      // Then it shows the 11th to 20th most recently changed, read as that page from the API
      await expectRows(range(45, 36));
      expect(lastListQuery()).toEqual({ offset: '10', limit: '10', sort: '-updatedAt' });

      // When the user opens the last page
      await pageButton(6).click();

      // Then it shows the five oldest, beyond the API's default page of 50
      await expectRows(range(5, 1));
      expect(lastListQuery()).toEqual({ offset: '50', limit: '10', sort: '-updatedAt' });

      // When the user sorts by application name and goes back to page 1
      await table().getByRole('columnheader', { name: 'Application' }).click();
      await pageButton(1).click();

      // Then the server orders the whole list by name, and the page shows its first rows
      await expectRows(range(1, 10));
      expect(lastListQuery()).toEqual({ offset: '0', limit: '10', sort: 'applicationName' });
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
      throw error;
    }
  });
  it('filters connection requests by status on the server, and lists them all again once the filter is reset', async () => {
    try {
      // Given two connection requests of the administrator's, one of them cancelled
      const token = await t.login(ADMIN.username, ADMIN.password);
      const request = async (name: string) =>
        (
          await t
            .http()
            .post('/api/connection-requests')
            .set(bearer(token))
            .send({ name, provider: 'sqlite', details: { path: 'sample.sqlite' } })
            .expect(201)
        ).body as { id: string };
      await request('Orders replica');
      const { id } = await request('Old ledger');
      await t.http().post(`/api/connection-requests/${id}/cancel`).set(bearer(token)).expect(200);
      const requestQueries: Record<string, string>[] = [];
      page.on('request', (sent) => {
        const url = new URL(sent.url());
        if (url.pathname === '/api/connection-requests')
          requestQueries.push(Object.fromEntries(url.searchParams));
      });

      // When the administrator opens Connection requests and picks "cancelled" in the Status filter
      await page.getByRole('menuitem', { name: 'Connection requests' }).click();
      await page.getByRole('heading', { name: 'Connection requests', exact: true }).waitFor();
      await expectRows(['Old ledger', 'Orders replica']);
      const filter = () => table().getByRole('columnheader', { name: 'Status' }).getByRole('button');
      await filter().click();
      await page.getByRole('menuitem', { name: 'cancelled' }).click();
      await page.getByRole('button', { name: 'OK' }).click();

      // Then the API is asked for the cancelled ones only, and the list shows just those
      await expectRows(['Old ledger']);
      expect(requestQueries.at(-1)).toMatchObject({ status: 'cancelled' });

      // When the filter is reset (antd's Reset clears the choice, OK applies it)
      await filter().click();
      await page.getByRole('button', { name: 'Reset' }).click();
      await page.getByRole('button', { name: 'OK' }).click();

      // Then the API is asked for every request again
      await expectRows(['Old ledger', 'Orders replica']);
      expect(requestQueries.at(-1)).not.toHaveProperty('status');
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
      throw error;
    }
  });
});
