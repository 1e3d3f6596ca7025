import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { ADMIN, bearer, type TestApp } from '../support/test-app';
import { type ConsoleInBrowser, startConsoleInBrowser } from './support/console-in-browser';

/**
 * The console follows the event stream: an administrator's open inbox shows a new connection request
 * with its badge within 2 s, without a reload; the developer's open console shows the approval and
 * its notification, again without a reload. And each user sets their address and what goes by email.
 */
const FAILURE_SCREENSHOT = join(tmpdir(), 'console-notifications-failure.png');
const DEVELOPER = { username: 'dev-dora', password: 'a-password-for-tests' };
const REQUEST = 'Orders DB (dev)';
/** Set on a page once it is open: a reload would lose it. */
const MARKER = 'opened-once';

jest.setTimeout(180_000);

describe('the console, in a browser: a live inbox, notifications and the profile', () => {
  let t: TestApp;
  let admin: Page;
  let developer: Page;
  let baseUrl: string;
  let pageErrors: string[];
  let session: ConsoleInBrowser;
  let developerToken: string;
  const loads = new Map<Page, number>();

  beforeAll(async () => {
    session = await startConsoleInBrowser();
    ({ t, page: admin, baseUrl, pageErrors } = session);
    const owner = await t.login(ADMIN.username, ADMIN.password);
    await t
      .http()
      .post('/api/users')
      .set(bearer(owner))
      .send({ ...DEVELOPER, roles: [{ environment: 'development', role: 'developer' }] })
      .expect(201);
    developerToken = await t.login(DEVELOPER.username, DEVELOPER.password);
    // The developer's console runs in a browser context of its own: a second user at another desk.
    const context = await session.browser.newContext({ viewport: { width: 1400, height: 900 } });
    developer = await context.newPage();
    developer.setDefaultTimeout(15_000);
    developer.on('pageerror', (error) => pageErrors.push(error.message));
    for (const page of [admin, developer]) {
      loads.set(page, 0);
      page.on('load', () => loads.set(page, (loads.get(page) ?? 0) + 1));
    }
  });

  afterAll(() => session?.close());

  // ---- what a user does, in the words of the screen ----

  const logIn = async (page: Page, { username, password }: { username: string; password: string }) => {
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Environment').fill('development');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('banner').getByText(username, { exact: true }).waitFor();
  };

  const menu = (page: Page, name: string) => page.getByRole('menuitem', { name });
  /** A row with a cell that starts with `cell` (the inbox adds the request's details under its name). */
  const row = (page: Page, cell: string) =>
    page.getByRole('row').filter({
      has: page.getByRole('cell', { name: new RegExp(`^${cell.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }),
    });
  const bell = (page: Page, unread: number) =>
    page.getByRole('banner').getByRole('button', {
      name: unread === 0 ? 'Notifications' : `Notifications: ${unread} unread`,
      exact: true,
    });
  const approvalsBadge = () => menu(admin, 'Approvals').locator('.ant-badge-count');

  /** Waits for the toasts in the top right corner, over the header, to go (they go in the tab in front). */
  const toastsGone = async (page: Page) => {
    await page.bringToFront();
    await page.waitForFunction(() => document.querySelector('.ant-notification-notice') === null, undefined, {
      timeout: 15_000,
    });
  };

  /** Marks the page: from here on, a reload (or any full page load) would show. */
  const markOpen = async (page: Page) => {
    await page.evaluate((marker) => Object.assign(window, { liveMarker: marker }), MARKER);
    return loads.get(page) ?? 0;
  };
  const stillOpen = async (page: Page, loadsBefore: number) => {
    expect(await page.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker)).toBe(MARKER);
    expect(loads.get(page)).toBe(loadsBefore);
  };

  const failing = async (run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      await admin.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
      await developer
        .screenshot({ path: FAILURE_SCREENSHOT.replace('.png', '-developer.png'), fullPage: true })
        .catch(() => undefined);
      throw error;
    }
  };

  it('shows a request in the open inbox within 2 s, and its approval in the developer’s open console', () =>
    failing(async () => {
      // Given the administrator's console, open on its home: the approvals inbox, with nothing waiting
      await logIn(admin, ADMIN);
      await admin.waitForURL(`${baseUrl}/approvals`);
      await admin.getByRole('heading', { name: 'Approvals', exact: true }).waitFor();
      await admin.locator('.ant-empty-description', { hasText: 'No data' }).waitFor();
      expect(await approvalsBadge().count()).toBe(0);
      // And the developer's console, open on their connection requests (their home: My integrations)
      await logIn(developer, DEVELOPER);
      await developer.getByRole('heading', { name: 'My integrations', exact: true }).waitFor();
      await menu(developer, 'Connection requests').click();
      await developer.getByRole('heading', { name: 'Connection requests', exact: true }).waitFor();
      await bell(developer, 0).waitFor();
      const adminLoads = await markOpen(admin);
      const developerLoads = await markOpen(developer);
      // Each console follows the stream before anything happens (the stream opens after the login)
      await admin.waitForTimeout(1000);

      // When the developer requests a connection (through the API, as another tab of theirs would)
      const { body: request } = await t
        .http()
        .post('/api/connection-requests')
        .set(bearer(developerToken))
        .send({ name: REQUEST, provider: 'sqlite', details: { path: 'sample.sqlite' }, note: 'For orders' })
        .expect(201);
      const requested = Date.now();

      // Then within 2 s the administrator's inbox lists it, and the menu counts it, without a reload
      const waiting = row(admin, REQUEST);
      await waiting.waitFor({ timeout: 2_000 });
      await admin.waitForFunction(
        () => document.querySelector('.ant-menu-item .ant-badge-count')?.getAttribute('title') === '1',
        undefined,
        { timeout: Math.max(1, 2_000 - (Date.now() - requested)) },
      );
      await waiting.getByRole('cell', { name: 'development', exact: true }).waitFor();
      await waiting.getByRole('cell', { name: DEVELOPER.username, exact: true }).waitFor();
      await stillOpen(admin, adminLoads);
      // And the administrator's bell tells of it
      await bell(admin, 1).waitFor();
      // And the developer's own list shows it pending
      await row(developer, REQUEST).getByRole('cell', { name: 'pending', exact: true }).waitFor();

      // When the administrator approves it from the inbox
      await waiting.getByRole('button', { name: 'Approve', exact: true }).click();
      await admin.getByRole('tooltip').getByRole('button', { name: 'OK', exact: true }).click();

      // Then it leaves the inbox, and the badge goes
      await admin
        .locator('.ant-notification-notice')
        .filter({ hasText: 'Request approved' })
        .first()
        .waitFor();
      await waiting.waitFor({ state: 'detached' });
      await approvalsBadge().waitFor({ state: 'detached' });

      // And the developer's open console shows it approved, and their bell the new notification,
      // with a toast, all without a reload
      await row(developer, REQUEST).getByRole('cell', { name: 'approved', exact: true }).waitFor();
      await bell(developer, 1).waitFor();
      await developer
        .locator('.ant-notification-notice')
        .filter({ hasText: `Connection request approved: ${REQUEST}` })
        .first()
        .waitFor();
      await stillOpen(developer, developerLoads);

      // When the developer opens the bell and the notification
      await toastsGone(developer);
      await bell(developer, 1).click();
      const item = developer.getByRole('button', { name: `Connection request approved: ${REQUEST}` });
      await item.waitFor();
      await item.click();

      // Then it is read, and the console shows the request it is about
      await developer.waitForURL(`${baseUrl}/connection-requests/show/${request.id as string}`);
      await developer.getByRole('heading', { name: `Request for ${REQUEST}` }).waitFor();
      await bell(developer, 0).waitFor();
      await stillOpen(developer, developerLoads);

      // When the administrator marks theirs all read
      await toastsGone(admin);
      await bell(admin, 1).click();
      await admin.getByRole('button', { name: 'Mark all as read' }).click();
      await bell(admin, 0).waitFor();
      await stillOpen(admin, adminLoads);
      expect(pageErrors).toEqual([]);
    }));

  it('saves the address and the kinds that go by email, and shows what is wrong with an address', () =>
    failing(async () => {
      // Given the developer on their profile, from the user menu
      await developer.getByRole('banner').getByRole('button', { name: 'User menu' }).click();
      await developer.getByRole('menuitem', { name: 'Profile and notifications' }).click();
      await developer.waitForURL(`${baseUrl}/profile`);
      await developer.getByRole('heading', { name: 'Profile and notifications' }).waitFor();
      const email = developer.getByLabel('Email address');
      const approved = developer.getByRole('checkbox', { name: 'My connection request is approved' });
      await approved.waitFor();
      expect(await approved.isChecked()).toBe(true); // never chosen: every kind

      // When they enter a malformed address and save
      await email.fill('not an address');
      // (the form reads the profile again after a refused save, its fields disabled meanwhile)
      const readAgain = developer.waitForResponse(
        (response) => response.request().method() === 'GET' && response.url().endsWith('/api/users/me'),
      );
      await developer.getByRole('button', { name: 'Save' }).click();
      await readAgain;

      // Then the field tells what is wrong, and nothing is saved
      const fieldError = developer
        .locator('.ant-form-item', { has: email })
        .locator('.ant-form-item-explain-error');
      await fieldError.first().waitFor();
      expect(await fieldError.first().innerText()).toMatch(/must be an e-mail address/);
      const before = await t.http().get('/api/users/me').set(bearer(developerToken)).expect(200);
      expect(before.body.email).toBeUndefined();

      // When they enter their address, keep approvals but not rejections by email, and save
      await email.fill('dora@Example.COM');
      const rejected = developer.getByRole('checkbox', { name: 'My connection request is rejected' });
      await rejected.uncheck();
      await developer.getByRole('button', { name: 'Save' }).click();

      // Then it is saved
      await developer
        .locator('.ant-notification-notice')
        .filter({ hasText: 'Profile saved' })
        .first()
        .waitFor();
      const after = await t.http().get('/api/users/me').set(bearer(developerToken)).expect(200);
      expect(after.body.email).toBe('dora@example.com');
      expect(after.body.notifications.email).toContain('request-approved');
      expect(after.body.notifications.email).not.toContain('request-rejected');
      await fieldError.first().waitFor({ state: 'detached' });
      expect(pageErrors).toEqual([]);
    }));

  it('follows on after its stream ended because the user changed: a rejection still reaches the bell', () =>
    failing(async () => {
      // Given the developer's console after the profile was saved (their user changed: the stream the
      // ticket opened ended, and the console opened a new one), back on their connection requests
      await menu(developer, 'Connection requests').click();
      await developer.getByRole('heading', { name: 'Connection requests', exact: true }).waitFor();
      const loadsBefore = await markOpen(developer);
      const owner = await t.login(ADMIN.username, ADMIN.password);

      // When they request another connection and an administrator rejects it
      const { body: request } = await t
        .http()
        .post('/api/connection-requests')
        .set(bearer(developerToken))
        .send({ name: 'Second DB', provider: 'sqlite', details: { path: 'sample.sqlite' } })
        .expect(201);
      await t
        .http()
        .post(`/api/connection-requests/${request.id as string}/reject`)
        .set(bearer(owner))
        .send({ reason: 'Use Orders DB (dev)' })
        .expect(200);

      // Then their open console shows it rejected, and the bell the notification, without a reload
      await row(developer, 'Second DB').getByRole('cell', { name: 'rejected', exact: true }).waitFor();
      await bell(developer, 1).waitFor();
      await stillOpen(developer, loadsBefore);
      expect(pageErrors).toEqual([]);
    }));
});
