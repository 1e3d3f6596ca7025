import { copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { integrationDeploymentsStreamId } from '@ib/domain';
import { SAMPLE_CONNECTION_ID, createIntegration, eventually, publishedOrFail } from '../support/publishing';
import { ADMIN, bearer, type TestApp } from '../support/test-app';
import { type ConsoleInBrowser, chooseOption, startConsoleInBrowser } from './support/console-in-browser';

/**
 * Four eyes in the console, in a real browser (the built console served by the real API): in
 * production, whose policy asks for it, one administrator's promotion waits until a second one approves
 * it from the approvals inbox; the requester is never offered their own approval, and reads a
 * rejection's reason. Each administrator works in a browser context of their own.
 */
const FAILURE_SCREENSHOT = join(tmpdir(), 'four-eyes-failure.png');
const ANN = { username: 'ann-admin', password: 'ann-four-eyes-password' };
const BOB = { username: 'bob-admin', password: 'bob-four-eyes-password' };
const PROMOTION = 'Promote version 1 of Shop to production';
const POLICY_OFF = 'Switch four-eyes off in production';
const REASON = 'Production keeps four eyes';
const BINDING = 'Bind a connection to Shop in production';
const UNBINDING = 'Unbind the connection of Shop in production';

jest.setTimeout(240_000);

describe('the console, in a browser: four-eyes changes decided by two administrators', () => {
  let t: TestApp;
  let ann: Page;
  let bob: Page;
  let baseUrl: string;
  let pageErrors: string[];
  let session: ConsoleInBrowser;
  let root: string;
  let integrationId: string;

  beforeAll(async () => {
    session = await startConsoleInBrowser();
    ({ t, page: ann, baseUrl, pageErrors } = session);
    root = await t.login(ADMIN.username, ADMIN.password);
    // Production asks for four eyes by default.
    await t
      .http()
      .post('/api/environments')
      .set(bearer(root))
      .send({ name: 'production', kind: 'production' })
      .expect(201);
    for (const { username, password } of [ANN, BOB])
      await t
        .http()
        .post('/api/users')
        .set(bearer(root))
        .send({
          username,
          password,
          roles: [
            { environment: 'development', role: 'developer' },
            { environment: 'production', role: 'admin' },
          ],
        })
        .expect(201);

    // Version 1 of an integration, published (and so deployed to development)
    integrationId = await createIntegration(t, root, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
    await publishedOrFail(t, root, integrationId);
    await eventually(async () => {
      const { version } = await t.store.readStream(integrationDeploymentsStreamId(integrationId));
      return version >= 0 ? version : undefined;
    }, 'the deployment to development');

    // Bob's console runs in a browser context of its own: a second administrator at another desk.
    const context = await session.browser.newContext({ viewport: { width: 1400, height: 900 } });
    bob = await context.newPage();
    bob.setDefaultTimeout(15_000);
    bob.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(() => session?.close());

  // ---- what a user does, in the words of the screen ----

  const logIn = async (page: Page, { username, password }: { username: string; password: string }) => {
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Environment').fill('production');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('banner').getByText(username, { exact: true }).waitFor();
  };

  const row = (within: Page | Locator, text: string) => within.getByRole('row').filter({ hasText: text });
  const toast = (page: Page, text: string) =>
    page.locator('.ant-notification-notice').filter({ hasText: text });
  /** Confirms the open Popconfirm with its button. */
  const confirm = (page: Page, button: string) =>
    page.getByRole('tooltip').getByRole('button', { name: button, exact: true }).click();
  const steps = (page: Page) => page.getByLabel('Steps');
  const changeRequests = async (status: string) =>
    (
      await t
        .http()
        .get('/api/change-requests')
        .query({ environment: 'production', status })
        .set(bearer(root))
        .expect(200)
    ).body as { items: { id: string; summary: string; reason?: string }[] };

  const failing = async (run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      await ann.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
      await bob
        .screenshot({ path: FAILURE_SCREENSHOT.replace('.png', '-bob.png'), fullPage: true })
        .catch(() => undefined);
      throw error;
    }
  };

  it('a four-eyes promotion to production by two admins: ann asks, bob approves, the version is served, ann is told', () =>
    failing(async () => {
      // Given ann, administrator of production, on the integration's page
      await logIn(ann, ANN);
      await ann.goto(`${baseUrl}/integrations/show/${integrationId}`);
      const deployments = ann.getByRole('region', { name: 'Deployments' });
      await row(deployments, 'development').waitFor();

      // When she promotes version 1 to production
      await deployments.getByRole('button', { name: 'Promote' }).click();
      const dialog = ann.getByRole('dialog', { name: 'Promote a version' });
      await chooseOption(ann, ann.getByLabel('Environment', { exact: true }), 'production (production)');
      await dialog.getByRole('button', { name: 'Promote', exact: true }).click();

      // Then she is told it waits for another administrator, and nothing shows as promoted
      const sent = toast(ann, 'Sent for approval by another administrator');
      await sent.waitFor();
      await dialog.waitFor({ state: 'hidden' });
      expect(await toast(ann, 'promoted to production').count()).toBe(0);
      expect(await row(deployments, 'production').count()).toBe(0);

      // And the change request it opened waits for someone else: she is offered no approval of her own
      await sent.getByRole('link', { name: 'Open the change request' }).click();
      await ann.waitForURL(/\/change-requests\/show\//);
      await ann.getByRole('heading', { name: PROMOTION, exact: true }).waitFor();
      await ann.getByText('nobody approves their own change').waitFor();
      await steps(ann).getByText('Waiting for another administrator').waitFor();
      await ann.getByRole('button', { name: 'Cancel request' }).waitFor();
      expect(await ann.getByRole('button', { name: 'Approve' }).count()).toBe(0);
      expect(await ann.getByRole('button', { name: 'Reject' }).count()).toBe(0);
      const requestPage = ann.url();

      // When bob logs in: his inbox lists the promotion with what it changes
      await logIn(bob, BOB);
      await bob.waitForURL(`${baseUrl}/approvals`);
      const waiting = row(bob, PROMOTION);
      await waiting.waitFor();
      await waiting.getByText('Change request: Promotion').waitFor();
      await waiting.getByRole('link', { name: 'Shop', exact: true }).waitFor();
      await waiting.getByText('v1', { exact: true }).waitFor();
      await waiting.getByText(ANN.username, { exact: true }).waitFor();

      // And he approves it
      await waiting.getByRole('button', { name: 'Approve' }).click();
      await confirm(bob, 'Approve');

      // Then it is applied, and leaves his inbox
      await toast(bob, 'Change approved and applied').waitFor();
      await waiting.waitFor({ state: 'detached' });

      // And ann's open change request shows who approved it, and that it was applied, without a reload
      expect(ann.url()).toBe(requestPage);
      await steps(ann).getByText('Applied', { exact: true }).waitFor();
      await steps(ann).getByText(`by ${BOB.username}`).waitFor();
      expect(await ann.getByRole('button', { name: 'Cancel request' }).count()).toBe(0);

      // And her bell tells her
      await ann
        .getByRole('banner')
        .getByRole('button', { name: /^Notifications: \d+ unread$/ })
        .waitFor();

      // And the integration serves version 1 in production
      await ann.goto(`${baseUrl}/integrations/show/${integrationId}`);
      await row(ann.getByRole('region', { name: 'Deployments' }), 'production')
        .getByText('v1')
        .waitFor();
      const { body } = await t
        .http()
        .get(`/api/integrations/${integrationId}/deployments`)
        .set(bearer(root))
        .expect(200);
      expect(body.items).toContainEqual(expect.objectContaining({ environment: 'production', version: 1 }));

      // And nothing failed in the pages along the way
      expect(pageErrors).toEqual([]);
    }));

  it('ann asks to switch four eyes off; bob rejects it with a reason, which ann reads', () =>
    failing(async () => {
      // Given ann on production's page: four eyes on, and a second administrator needed to turn it off
      await ann.goto(`${baseUrl}/environments/show/production`);
      const policy = ann.getByRole('region', { name: 'Four eyes' });
      await policy.getByText('Turning four eyes off needs a second administrator’s approval').waitFor();
      const toggle = policy.getByRole('switch', { name: 'Four eyes' });
      expect(await toggle.isChecked()).toBe(true);

      // When she switches it off
      await toggle.click();

      // Then it stays on, waiting for another administrator
      await toast(ann, 'Sent for approval by another administrator').waitFor();
      const pendingLink = policy.getByRole('link', { name: 'open the change request' });
      await pendingLink.waitFor();
      expect(await toggle.isChecked()).toBe(true);

      // And on its change request she is not offered to approve it herself
      await pendingLink.click();
      await ann.getByRole('heading', { name: POLICY_OFF, exact: true }).waitFor();
      await ann.getByText('nobody approves their own change').waitFor();
      expect(await ann.getByRole('button', { name: 'Approve' }).count()).toBe(0);

      // When bob rejects it from his inbox, with a reason
      await bob.goto(`${baseUrl}/approvals`);
      const waiting = row(bob, POLICY_OFF);
      await waiting.getByText('Change request: Four-eyes policy').waitFor();
      await waiting.getByRole('button', { name: 'Reject' }).click();
      const rejection = bob.getByRole('dialog', { name: `Reject "${POLICY_OFF}"` });
      await rejection.getByLabel('Reason').fill(REASON);
      await rejection.getByRole('button', { name: 'Reject', exact: true }).click();
      await toast(bob, 'Change rejected').waitFor();
      await waiting.waitFor({ state: 'detached' });

      // Then ann's change request shows the rejection and its reason
      await steps(ann).getByText('Rejected', { exact: true }).waitFor();
      await ann.getByText(REASON).first().waitFor();

      // And production keeps four eyes
      const { body } = await t.http().get('/api/environments/production').set(bearer(root)).expect(200);
      expect(body.fourEyes).toBe(true);
      expect((await changeRequests('rejected')).items).toEqual([
        expect.objectContaining({ summary: POLICY_OFF, reason: REASON }),
      ]);

      expect(pageErrors).toEqual([]);
    }));

  it('lists the change requests by status, and lets ann cancel her own pending one', () =>
    failing(async () => {
      // Given a change ann asked for (from another tab), pending
      const annToken = await t.login(ANN.username, ANN.password, 'production');
      const { body: pending } = await t
        .http()
        .put('/api/environments/production/policy')
        .set(bearer(annToken))
        .send({ fourEyes: false })
        .expect(202);

      // When she opens the change requests from the menu
      await ann.getByRole('menuitem', { name: 'Change requests' }).click();
      await ann.getByRole('heading', { name: 'Change requests', exact: true }).waitFor();
      const list = ann.getByRole('table', { name: 'Change requests' });

      // Then all three are listed, each with its status
      await row(list, PROMOTION).getByText('applied', { exact: true }).waitFor();
      await row(list, POLICY_OFF).filter({ hasText: 'rejected' }).waitFor();
      await row(list, POLICY_OFF).filter({ hasText: 'pending' }).waitFor();

      // And from the pending one's page she cancels it
      await row(list, POLICY_OFF)
        .filter({ hasText: 'pending' })
        .getByRole('button', { name: `Show the change request: ${POLICY_OFF}` })
        .click();
      await ann.waitForURL(`${baseUrl}/change-requests/show/${pending.changeRequestId as string}`);
      await ann.getByRole('button', { name: 'Cancel request' }).click();
      await confirm(ann, 'Cancel it');
      await toast(ann, 'Change request cancelled').waitFor();
      await steps(ann).getByText('Cancelled', { exact: true }).waitFor();
      expect((await changeRequests('cancelled')).items).toEqual([
        expect.objectContaining({ id: pending.changeRequestId }),
      ]);

      expect(pageErrors).toEqual([]);
    }));

  it('binds a connection in production and unbinds it, each once another administrator approved', () =>
    failing(async () => {
      // Given a connection of production (created, as everything there, by one administrator and approved by another)
      const [annToken, bobToken] = await Promise.all(
        [ANN, BOB].map(({ username, password }) => t.login(username, password, 'production')),
      );
      copyFileSync(
        join(t.config.sqliteDatabasesDir, 'sample.sqlite'),
        join(t.config.sqliteDatabasesDir, 'production-shop.sqlite'),
      );
      const { body: creation } = await t
        .http()
        .post('/api/connections')
        .set(bearer(annToken))
        .send({
          name: 'Production shop',
          provider: 'sqlite',
          environment: 'production',
          details: { path: 'production-shop.sqlite' },
        })
        .expect(202);
      await t
        .http()
        .post(`/api/change-requests/${creation.changeRequestId as string}/approve`)
        .set(bearer(bobToken))
        .expect(200);
      const connectionId = await eventually(async () => {
        const { body } = await t
          .http()
          .get('/api/connections')
          .query({ environment: 'production' })
          .set(bearer(root))
          .expect(200);
        return (body.items as { id: string; name: string }[]).find(({ name }) => name === 'Production shop')
          ?.id;
      }, 'the connection approved');
      const production = () => row(ann.getByRole('region', { name: 'Deployments' }), 'production');
      const binding = async () =>
        (
          (await t.http().get(`/api/integrations/${integrationId}/deployments`).set(bearer(root)).expect(200))
            .body.items as { environment: string; binding: { connectionId: string } | null }[]
        ).find(({ environment }) => environment === 'production')?.binding ?? null;

      // When ann binds it to Shop in production
      await ann.goto(`${baseUrl}/integrations/show/${integrationId}`);
      await production().getByText('No connection bound').waitFor();
      await production().getByRole('button', { name: 'Bind connection' }).click();
      const dialog = ann.getByRole('dialog', { name: 'Bind a connection in production' });
      await chooseOption(ann, ann.getByLabel('Connection', { exact: true }), 'Production shop');
      await dialog.getByRole('button', { name: 'Bind', exact: true }).click();

      // Then it waits for another administrator: nothing is bound yet
      await toast(ann, 'Sent for approval by another administrator').waitFor();
      await dialog.waitFor({ state: 'hidden' });
      await production().getByText('No connection bound').waitFor();
      expect(await binding()).toBeNull();

      // When bob approves it from his inbox, where it shows which connection
      await bob.goto(`${baseUrl}/approvals`);
      const waiting = row(bob, BINDING);
      await waiting.getByRole('link', { name: 'Production shop', exact: true }).waitFor();
      await waiting.getByRole('button', { name: 'Approve' }).click();
      await confirm(bob, 'Approve');
      await toast(bob, 'Change approved and applied').waitFor();

      // Then ann's page shows the connection bound in production
      await production().getByText('Production shop', { exact: true }).waitFor();
      expect(await binding()).toMatchObject({ connectionId });

      // When she unbinds it
      await production().getByRole('button', { name: 'Unbind' }).click();
      await confirm(ann, 'Unbind');

      // Then that waits too, and the connection still serves
      await toast(ann, 'Sent for approval by another administrator').last().waitFor();
      expect(await binding()).toMatchObject({ connectionId });

      // And once bob approves it, nothing is bound there
      await bob.goto(`${baseUrl}/approvals`);
      await row(bob, UNBINDING).getByRole('button', { name: 'Approve' }).click();
      await confirm(bob, 'Approve');
      await toast(bob, 'Change approved and applied').last().waitFor();
      await production().getByText('No connection bound').waitFor();
      expect(await binding()).toBeNull();

      expect(pageErrors).toEqual([]);
    }));
});
