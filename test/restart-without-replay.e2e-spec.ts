import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore } from '../apps/api/src/infrastructure/event-store/sqlite-event-store';
import {
  countingEventStore,
  totalRead,
} from '../apps/api/src/infrastructure/event-store/testing/counting-event-store';
import { appendSampleHistory, sampleHistory } from '../apps/api/src/read-model/testing/sample-history';
import { createIntegration, entityNames, publishedOrFail, SAMPLE_CONNECTION_ID } from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

/** About 15 events per integration, all aggregates included: ~105,000 events. */
const INTEGRATIONS = 7_000;

/**
 * Events a request may read from the log: a stream or two of its own (a published version's
 * integration stream, a login's user stream) and what the views are handed meanwhile.
 */
const FEW_EVENTS = 100;

jest.setTimeout(120_000);

type Checkpointed = Readonly<{ name: string; lag: number }>;

/** Waits until every view and every process manager has caught up with the head. */
async function caughtUp(t: TestApp, token: string): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    const { body } = await t.http().get('/api/projections').set(bearer(token)).expect(200);
    const behind = [...(body.items as Checkpointed[]), ...(body.processes as Checkpointed[])].filter(
      ({ lag }) => lag > 0,
    );
    if (behind.length === 0) return;
    if (Date.now() > until) throw new Error(`Still catching up: ${JSON.stringify(behind)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The views and the process managers resume from their checkpoints: a restart reads what was appended
 * since the last stop, never the whole log again (issue 10).
 */
describe('a restart on a log of 100k events', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ib-restart-reads-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given an installation caught up with its log, when it starts again, then it reads less than 1% of the log at boot', async () => {
    // Given an installation whose log holds ~100k events, its views and process managers caught up
    await (await startTestApp({ DATA_DIR: dataDir })).close();
    const seeding = createSqliteEventStore(dataDir);
    await appendSampleHistory(seeding, sampleHistory({ integrations: INTEGRATIONS }));
    await seeding.close();
    const catchingUp = await startTestApp({ DATA_DIR: dataDir });
    let served: Readonly<{ integrationId: string; customers: string }>;
    try {
      const admin = await catchingUp.login(ADMIN.username, ADMIN.password);
      // And an integration whose data API serves customers in development
      const integrationId = await createIntegration(catchingUp, admin, {
        applicationName: 'Served after the restart',
        connectionId: SAMPLE_CONNECTION_ID,
        tables: ['customers'],
      });
      await publishedOrFail(catchingUp, admin, integrationId);
      const { customers } = await entityNames(catchingUp, admin, integrationId);
      served = { integrationId, customers };
      await caughtUp(catchingUp, admin);
    } finally {
      await catchingUp.close();
    }

    // When it starts again on a store that counts every event read
    const counting = countingEventStore(createSqliteEventStore(dataDir));
    const restarted = await startTestApp({ DATA_DIR: dataDir }, { eventStore: counting.store });
    try {
      const head = await restarted.store.headPosition();
      const atBoot = { ...counting.read };

      // Then the boot read next to none of the log: only what the views and managers had not handed
      // over yet (nothing here), and the few streams of what was in flight
      expect(head).toBeGreaterThan(95_000);
      expect(totalRead(atBoot)).toBeLessThan(head / 100);
      expect(atBoot.readAll).toBeLessThan(head / 100);

      // And the first authenticated request reads next to none of the log: who may call is read from
      // the checkpointed views, not folded from the log
      const token = await restarted.login(ADMIN.username, ADMIN.password);
      const beforeFirstRequest = totalRead(counting.read);
      const { body } = await restarted.http().get('/api/projections').set(bearer(token)).expect(200);
      expect(totalRead(counting.read) - beforeFirstRequest).toBeLessThan(FEW_EVENTS);

      // And so does the first data API call: the deployment and the connection are read from the
      // views, the published version from its own integration stream
      const beforeDataCall = totalRead(counting.read);
      await restarted
        .http()
        .get(`/api/data/development/${served.integrationId}/${served.customers}?limit=1`)
        .set(bearer(token))
        .expect(200);
      expect(totalRead(counting.read) - beforeDataCall).toBeLessThan(FEW_EVENTS);

      // And each view and process manager stands at the head
      for (const checkpointed of [...body.items, ...body.processes])
        expect(checkpointed).toMatchObject({ position: head, lag: 0 });
      expect((body.processes as Checkpointed[]).map(({ name }) => name).sort()).toEqual([
        'approved-connection-requests',
        'breaking-updates',
        'mailer',
        'notifications',
        'publication',
        'republish',
        'secret-shredding',
      ]);
    } finally {
      await restarted.close();
    }
  });
});
