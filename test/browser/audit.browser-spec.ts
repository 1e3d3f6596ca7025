import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import dayjs from 'dayjs';
import { type Download, type Page, type Request } from 'playwright-core';
import { READ_MODEL_ORM, type ReadModelOrm } from '../../apps/api/src/read-model';
import { SAMPLE_CONNECTION_ID, createIntegration, publishedOrFail } from '../support/publishing';
import { ADMIN, bearer, type TestApp } from '../support/test-app';
import { type ConsoleInBrowser, startConsoleInBrowser } from './support/console-in-browser';

/**
 * An owner audits the installation from the console, in a real browser: searches the audit log and
 * exports it, reads an integration's history and its state before a change, verifies the log's hash
 * chain and replays the views, and sees what was tampered with, in the log and in the read model.
 */
const FAILURE_SCREENSHOT = join(tmpdir(), 'console-audit-failure.png');
const PASSWORD = 'a-password-for-tests';
const DEVELOPER = { username: 'dev-dora', password: PASSWORD };

jest.setTimeout(180_000);

/**
 * Waits until the wall clock has passed a whole second and answers that second: every event recorded
 * before the call is recorded at or before it, every event after the call after it. The console's
 * As-of picker names seconds, so a moment between two events is one of these.
 */
async function aSecondPassed(): Promise<Date> {
  const boundary = Math.ceil((Date.now() + 1) / 1000) * 1000;
  while (Date.now() <= boundary) await new Promise((resolve) => setTimeout(resolve, 20));
  return new Date(boundary);
}

describe('the console, in a browser: the audit log, histories, past states, the chain and the replay', () => {
  let t: TestApp;
  let page: Page;
  let baseUrl: string;
  let pageErrors: string[];
  let session: ConsoleInBrowser;
  let owner: string;
  let integrationId: string;
  let beforeCreation: Date;
  let beforeRename: Date;
  const auditRequests: Request[] = [];

  beforeAll(async () => {
    session = await startConsoleInBrowser();
    ({ t, page, baseUrl, pageErrors } = session);
    owner = await t.login(ADMIN.username, ADMIN.password);
    await t
      .http()
      .post('/api/users')
      .set(bearer(owner))
      .send({ ...DEVELOPER, roles: [{ environment: 'development', role: 'developer' }] })
      .expect(201);
    const developer = await t.login(DEVELOPER.username, DEVELOPER.password);

    // More events than one page of the audit log (50), made first: Shop stays first in My integrations
    for (let n = 1; n <= 40; n++)
      await t
        .http()
        .post('/api/integrations')
        .set(bearer(owner))
        .send({ provider: 'sqlite', applicationName: `Filler ${n}` })
        .expect(201);

    // The developer builds Shop on the sample database, then renames it a second later; the owner
    // publishes the renamed one (so it is deployed in development only after the rename)
    beforeCreation = await aSecondPassed();
    integrationId = await createIntegration(t, developer, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
    beforeRename = await aSecondPassed();
    const { body: shop } = await t
      .http()
      .get(`/api/integrations/${integrationId}`)
      .set(bearer(developer))
      .expect(200);
    await t
      .http()
      .put(`/api/integrations/${integrationId}/details`)
      .set(bearer(developer))
      .set('If-Match', `"${shop.version as number}"`)
      .send({ applicationName: 'Shop renamed', moduleName: shop.moduleName, description: 'Renamed' })
      .expect(200);
    await publishedOrFail(t, owner, integrationId);

    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/audit')) auditRequests.push(request);
    });
  });

  afterAll(() => session?.close());

  // ---- what a user does, in the words of the screen ----

  const menu = (name: string) => page.getByRole('menuitem', { name });

  const logIn = async ({ username, password }: { username: string; password: string }) => {
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByLabel('Environment').fill('development');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('banner').getByText(username, { exact: true }).waitFor();
  };

  const auditTable = () => page.getByRole('table', { name: 'Audit events' });
  /** The event types of the rows shown, top to bottom, once the table shows `expected`. */
  const shownTypes = async (expected: string[]) => {
    const types = auditTable().locator('tbody tr.ant-table-row td:nth-child(3)');
    for (let attempt = 0; attempt < 100; attempt++) {
      if ((await types.allInnerTexts()).join('|') === expected.join('|')) break;
      await page.waitForTimeout(100);
    }
    return types.allInnerTexts();
  };
  const positions = async () =>
    (await auditTable().locator('tbody tr.ant-table-row td:first-child').allInnerTexts()).map(Number);

  const lastAuditQuery = (path: string) => {
    const request = auditRequests.filter((r) => new URL(r.url()).pathname === path).at(-1);
    return request ? Object.fromEntries(new URL(request.url()).searchParams) : undefined;
  };

  const downloaded = async (download: Download) => readFileSync((await download.path()) ?? '', 'utf8');

  /** A local date-time typed into the picker and confirmed with its OK button, as a user does. */
  const pickAsOf = async (moment: Date) => {
    const picker = page.getByLabel('As of');
    await picker.click();
    await picker.fill(dayjs(moment).format('YYYY-MM-DD HH:mm:ss'));
    const popup = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    await popup.getByRole('button', { name: 'OK' }).click();
    await popup.waitFor({ state: 'hidden' });
  };

  const failing = async (run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      await page.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
      throw error;
    }
  };

  it('filters the audit log by actor and type, opens an event whole and exports the search', () =>
    failing(async () => {
      await page.goto(`${baseUrl}/`);

      // Given the owner, logged in, on the audit log: every event, newest first
      await logIn(ADMIN);
      await menu('Audit log').click();
      await page.getByRole('heading', { name: 'Audit log', exact: true }).waitFor();
      await auditTable().locator('tbody tr.ant-table-row').first().waitFor();
      const firstPage = await positions();
      expect(firstPage).toHaveLength(50);
      expect(firstPage[0]).toBe(await t.store.headPosition());

      // When the owner loads the older events
      await page.getByRole('button', { name: 'Load older events' }).click();

      // Then they follow, asked of the API with the cursor of the first page, down to the first event
      for (let attempt = 0; attempt < 100 && (await positions()).length === 50; attempt++)
        await page.waitForTimeout(100);
      const newestFirst = await positions();
      expect(newestFirst.length).toBeGreaterThan(50);
      expect(newestFirst.slice(0, 50)).toEqual(firstPage);
      expect([...newestFirst].sort((a, b) => b - a)).toEqual(newestFirst);
      expect(new Set(newestFirst).size).toBe(newestFirst.length);
      expect(newestFirst.at(-1)).toBe(1);
      expect(lastAuditQuery('/api/audit')).toEqual({ after: expect.any(String), limit: '50' });
      expect(await page.getByRole('button', { name: 'Load older events' }).count()).toBe(0);

      // When the owner filters by the developer and the event type of a rename
      await page.getByLabel('Actor').fill(DEVELOPER.username);
      await page.getByLabel('Event types').fill('IntegrationDetailsChanged');
      await page.getByLabel('Event types').press('Enter');
      await page.getByRole('button', { name: 'Search' }).click();

      // Then the log shows that one event, asked of the API with those filters, and the address keeps them
      expect(await shownTypes(['IntegrationDetailsChanged'])).toEqual(['IntegrationDetailsChanged']);
      expect(lastAuditQuery('/api/audit')).toMatchObject({
        actor: DEVELOPER.username,
        type: 'IntegrationDetailsChanged',
      });
      expect(new URL(page.url()).searchParams.get('actor')).toBe(DEVELOPER.username);
      const row = auditTable().locator('tbody tr.ant-table-row').first();
      await row.getByRole('cell', { name: DEVELOPER.username, exact: true }).waitFor();
      await row.getByRole('cell', { name: `integration-${integrationId}`, exact: true }).waitFor();

      // When the owner opens it
      const [position] = await positions();
      await page.getByRole('button', { name: `Open event ${position}` }).click();

      // Then the drawer shows the event whole: its data and its metadata
      const drawer = page.getByRole('dialog', { name: `#${position} IntegrationDetailsChanged` });
      await drawer.waitFor();
      const data = JSON.parse(await drawer.getByLabel('Event data').innerText()) as Record<string, unknown>;
      expect(data).toMatchObject({ applicationName: 'Shop renamed', description: 'Renamed' });
      const metadata = JSON.parse(await drawer.getByLabel('Event metadata').innerText()) as Record<
        string,
        unknown
      >;
      expect(metadata).toMatchObject({
        streamId: `integration-${integrationId}`,
        actor: { username: DEVELOPER.username },
        environment: 'development',
        correlationId: expect.any(String),
      });
      await drawer.getByRole('button', { name: 'Close' }).click();
      await drawer.waitFor({ state: 'hidden' });

      // When the owner exports the search as NDJSON, then as CSV
      const [ndjson] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export NDJSON' }).click(),
      ]);
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);

      // Then each holds the one event of the search, and the token went in a header, not the address
      expect(ndjson.suggestedFilename()).toMatch(/^audit-all-.+\.ndjson$/);
      const lines = (await downloaded(ndjson)).trim().split('\n');
      expect(lines.map((line) => (JSON.parse(line) as { position: number; type: string }).type)).toEqual([
        'IntegrationDetailsChanged',
      ]);
      expect(csv.suggestedFilename()).toMatch(/^audit-all-.+\.csv$/);
      const rows = (await downloaded(csv)).trim().split('\n');
      expect(rows).toHaveLength(2); // a header, one event
      expect(rows[1]).toContain('IntegrationDetailsChanged');
      expect(lastAuditQuery('/api/audit/export')).toEqual({
        actor: DEVELOPER.username,
        type: 'IntegrationDetailsChanged',
        format: 'csv',
      });
      const exports = auditRequests.filter((r) => new URL(r.url()).pathname === '/api/audit/export');
      expect(exports).toHaveLength(2);
      for (const request of exports) {
        const [, token] = /^Bearer (.+)$/.exec((await request.headerValue('authorization')) ?? '') ?? [];
        expect(token).toBeDefined();
        expect(request.url()).not.toContain(token);
      }

      // When the owner opens the event again and follows it to its object
      await page.getByRole('button', { name: `Open event ${position}` }).click();
      await drawer.getByRole('button', { name: 'Open the integration' }).click();

      // Then the integration's page opens
      await page.waitForURL(`${baseUrl}/integrations/show/${integrationId}`);
      await page.getByRole('heading', { name: 'Shop renamed' }).waitFor();
      expect(pageErrors).toEqual([]);
    }));

  it("shows the integration's history as readable changes, and the integration as it was before the rename", () =>
    failing(async () => {
      // Given the owner on the integration's page, from My integrations
      await menu('My integrations').click();
      await page.getByRole('button', { name: 'Show Shop renamed' }).click();
      await page.waitForURL(`${baseUrl}/integrations/show/${integrationId}`);
      await page.getByRole('heading', { name: 'Shop renamed' }).waitFor();

      // When the owner opens its History tab
      await page.getByRole('tab', { name: 'History' }).click();

      // Then each event is listed, newest first, with who made it and what it changed
      const renamed = page.getByRole('listitem', {
        name: `IntegrationDetailsChanged by ${DEVELOPER.username}`,
      });
      await renamed.waitFor();
      const change = (path: string) => renamed.locator(`li[data-path="${path}"]`);
      expect(await change('/applicationName').innerText()).toBe('/applicationName: "Shop" -> "Shop renamed"');
      expect(await change('/description').innerText()).toBe('/description: "" -> "Renamed"');
      await page.getByRole('listitem', { name: `IntegrationCreated by ${DEVELOPER.username}` }).waitFor();
      const added = page
        .getByRole('listitem', { name: `IntegrationEntitiesAdded by ${DEVELOPER.username}` })
        .locator('li[data-path="/entities/customers"]');
      // (an object added: indented on lines of its own)
      expect(await added.innerText()).toMatch(
        /^\/entities\/customers: added\s+\{\n {2}"name": "customers",\n/,
      );

      // When the owner picks a moment before the rename
      await pickAsOf(beforeRename);

      // Then the page says which moment it shows, with the old name and no deployment yet
      const shownAs = dayjs(beforeRename).format('YYYY-MM-DD HH:mm:ss');
      await page.getByText(`As of ${shownAs}`, { exact: true }).waitFor();
      await page.getByRole('tab', { name: 'Overview', selected: true }).waitFor();
      const overview = page.getByRole('tabpanel');
      await overview.locator('.ant-descriptions-item-content', { hasText: /^Shop$/ }).waitFor();
      await overview.getByText('Not deployed anywhere then').waitFor();
      expect(await overview.getByRole('button', { name: 'Publish' }).count()).toBe(0);

      // When the owner picks a moment before the integration existed
      await pickAsOf(beforeCreation);

      // Then it did not exist yet
      await page.getByText('The integration did not exist yet').waitFor();

      // When the owner goes back to now
      await page.getByRole('button', { name: 'Back to now' }).first().click();

      // Then the integration is as it is: renamed, and served in development
      await page.getByText('Ready to publish').waitFor();
      await overview.locator('.ant-descriptions-item-content', { hasText: /^Shop renamed$/ }).waitFor();
      await page
        .getByRole('region', { name: 'Deployments' })
        .getByRole('cell', { name: 'v1', exact: true })
        .waitFor();
      expect(pageErrors).toEqual([]);
    }));

  it('verifies the audit chain and replays the views on the operations page, naming what was tampered with', () =>
    failing(async () => {
      // Given the owner on the operations page
      await menu('Operations').click();
      await page.getByRole('heading', { name: 'Operations', exact: true }).waitFor();
      const chain = page.getByRole('region', { name: 'Audit chain' });

      // Then the chain holds, every event checked up to the head, and the missing key is pointed out
      await chain.getByText('The audit chain holds').waitFor();
      await chain.getByText(`${await t.store.headPosition()} events checked`, { exact: false }).waitFor();
      await chain.getByText('No audit key configured').waitFor();

      // When the owner replays the log and compares
      const replay = page.getByRole('region', { name: 'Replay' });
      await replay.getByRole('button', { name: 'Replay and compare' }).click();
      await page.getByRole('tooltip').getByRole('button', { name: 'Replay', exact: true }).click();

      // Then every view equals its replay
      await replay.getByText('Every view equals its replay from the log').waitFor();
      const integrationsView = replay.getByRole('row').filter({
        has: page.getByRole('cell', { name: 'integrations', exact: true }),
      });
      await integrationsView.getByRole('cell', { name: 'equal', exact: true }).waitFor();

      // When someone edits the integration's row in the read model, and the owner replays again
      await t.app
        .get<ReadModelOrm>(READ_MODEL_ORM)
        .em.fork()
        .execute("update integrations set application_name = 'Tampered' where id = ?", [integrationId]);
      await replay.getByRole('button', { name: 'Replay and compare' }).click();
      await page.getByRole('tooltip').getByRole('button', { name: 'Replay', exact: true }).click();

      // Then the integrations view differs, and its row shows the live and the replayed versions
      await replay.getByText('1 view(s) differ from their replay: integrations').waitFor();
      await integrationsView.getByRole('cell', { name: 'different', exact: true }).waitFor();
      await integrationsView.getByRole('button', { name: /expand row/i }).click();
      const differences = replay.getByRole('table', { name: 'Differences of integrations' });
      expect(await differences.getByLabel(`Live row ${integrationId}`).innerText()).toContain('"Tampered"');
      expect(await differences.getByLabel(`Replayed row ${integrationId}`).innerText()).toContain(
        '"Shop renamed"',
      );

      // When someone edits a stored event of the log: the rename's description
      const db = new DatabaseSync(join(t.config.dataDir, 'events.sqlite'));
      const edited = db
        .prepare(
          "SELECT global_position AS position FROM events WHERE stream_id = ? AND type = 'IntegrationDetailsChanged'",
        )
        .get(`integration-${integrationId}`) as { position: number };
      db.prepare(
        `UPDATE events SET data = replace(data, '"Renamed"', '"Edited afterwards"') WHERE global_position = ?`,
      ).run(edited.position);
      db.close();

      // And the owner verifies the chain again
      await chain.getByRole('button', { name: 'Verify now' }).click();

      // Then a red alert names the position of the edited event and what was done to it
      await chain.getByText(`The audit chain is broken at position ${edited.position}`).waitFor();
      expect(await chain.locator('.ant-alert-error').count()).toBe(1);
      await chain.locator('.ant-descriptions-item-content', { hasText: /^edited$/ }).waitFor();
      expect(pageErrors).toEqual([]);
    }));

  it("shows a user's page with their history", () =>
    failing(async () => {
      // When the owner opens the developer's page from Users, and its History tab
      await menu('Users').click();
      await page.getByRole('button', { name: `Show ${DEVELOPER.username}` }).click();
      await page.getByRole('heading', { name: DEVELOPER.username, exact: true }).waitFor();
      await page.getByRole('tab', { name: 'History' }).click();

      // Then her registration is listed, by the owner, with her name and role added
      const registered = page.getByRole('listitem', { name: `UserRegistered by ${ADMIN.username}` });
      await registered.waitFor();
      expect(await registered.locator('li[data-path="/username"]').innerText()).toBe(
        `/username: added "${DEVELOPER.username}"`,
      );
      expect(await registered.locator('li[data-path^="/roles"]').first().innerText()).toContain('developer');
      expect(pageErrors).toEqual([]);
    }));

  it('shows the audit log to owners, auditors and administrators only: not to a developer', () =>
    failing(async () => {
      expect(await menu('Audit log').count()).toBe(1);
      await menu('Logout').click();
      await logIn(DEVELOPER);
      await page.getByRole('heading', { name: 'My integrations', exact: true }).waitFor();
      expect(await menu('Audit log').count()).toBe(0);
      expect(await menu('Operations').count()).toBe(0);
      expect(pageErrors).toEqual([]);
    }));
});
