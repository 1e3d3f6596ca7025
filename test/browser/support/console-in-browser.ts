import { existsSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../support/test-app';

const CONSOLE_DIR = join(__dirname, '..', '..', '..', 'dist', 'console');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type ConsoleInBrowser = Readonly<{
  t: TestApp;
  browser: Browser;
  page: Page;
  baseUrl: string;
  /** Uncaught errors of the page, for a spec to assert there were none. */
  pageErrors: string[];
  close: () => Promise<void>;
}>;

/**
 * The built console (`npm run build:console`) served by the real API on a fresh data folder and a free
 * port, with a page of Debian's chromium (Playwright's own browser downloads are unreachable here).
 */
export async function startConsoleInBrowser(): Promise<ConsoleInBrowser> {
  if (!existsSync(join(CONSOLE_DIR, 'index.html')))
    throw new Error(`No built console in ${CONSOLE_DIR}: run npm run build:console first`);
  const t = await startTestApp({ CONSOLE_DIR });
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(30_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message + ' @@ ' + error.stack));
  return {
    t,
    browser,
    page,
    baseUrl: `http://127.0.0.1:${port}`,
    pageErrors,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/**
 * An antd Select: its shown value covers the (named) combobox input, so click the whole box like a
 * user; the options open in a popup outside the field, pick the visible one by its text.
 */
export async function chooseOption(page: Page, field: Locator, option: string): Promise<void> {
  await page.locator('.ant-select', { has: field }).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .getByTitle(option, { exact: true })
    .click();
}
