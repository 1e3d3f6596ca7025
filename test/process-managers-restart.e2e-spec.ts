import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type EventMetadata,
  type RecordedEvent,
  connectionRequestStreamId,
  republishStreamId,
} from '@ib/domain';
import { createSqliteEventStore } from '../apps/api/src/infrastructure/event-store/sqlite-event-store';
import { type NewEvent } from '../apps/api/src/infrastructure/event-store/event-store.port';
import { uuidv7 } from '../apps/api/src/infrastructure/ids';
import { RUNTIME_DEPENDENCIES } from '../apps/api/src/publishing';
import {
  SAMPLE_CONNECTION_ID,
  createIntegration,
  entityNames,
  eventually,
  finishedRun,
  publishedOrFail,
} from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const RUNTIME = RUNTIME_DEPENDENCIES[0];
const MAJOR = `${Number(RUNTIME.version.split('.')[0]) + 1}.0.0`;

jest.setTimeout(60_000);

/** What a stopped process left behind: events appended to the data folder while no app runs. */
async function appendWhileStopped(dataDir: string, streamId: string, events: readonly NewEvent[]) {
  const store = createSqliteEventStore(dataDir);
  try {
    await store.append(streamId, events, { expectedVersion: 'any' });
  } finally {
    await store.close();
  }
}

const adminIdOf = async (t: TestApp): Promise<string> => {
  const events: RecordedEvent[] = await t.store.readAll({ fromPosition: 0, limit: 10_000 });
  const registered = events.find(
    ({ type, data }) =>
      type === 'UserRegistered' && (data as { username: string }).username === ADMIN.username,
  );
  return (registered?.data as { userId: string }).userId;
};

/**
 * The process managers resume from their checkpoints and from what the views show in flight, not by
 * reading the log from 0: what a stop left unfinished is finished by the next start.
 */
describe('process managers after a stop', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'ib-process-restart-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given an approval stored without its connection, when the application starts, then the connection is created', async () => {
    // Given a request approved by a process that stopped before creating the connection
    const first = await startTestApp({ DATA_DIR: dataDir });
    const token = await first.login(ADMIN.username, ADMIN.password);
    const { body: requested } = await first
      .http()
      .post('/api/connection-requests')
      .set(bearer(token))
      .send({ name: 'Left behind', provider: 'sqlite', details: { path: 'sample.sqlite' } })
      .expect(201);
    const adminId = await adminIdOf(first);
    await first.close();
    const connectionId = uuidv7();
    const metadata: EventMetadata = {
      actorId: adminId,
      correlationId: uuidv7(),
      causationId: uuidv7(),
      environment: 'development',
    };
    await appendWhileStopped(dataDir, connectionRequestStreamId(requested.id), [
      {
        eventId: uuidv7(),
        type: 'ConnectionRequestApproved',
        data: {
          requestId: requested.id,
          connectionId,
          approvedBy: adminId,
          approvedAt: new Date().toISOString(),
        },
        metadata,
      },
    ]);

    // When the application starts again
    const second = await startTestApp({ DATA_DIR: dataDir });
    try {
      const again = await second.login(ADMIN.username, ADMIN.password);

      // Then the connection of the approval exists, created once, for the request
      const connection = await eventually(async () => {
        const response = await second.http().get(`/api/connections/${connectionId}`).set(bearer(again));
        return response.status === 200 ? response.body : undefined;
      }, 'the connection of the approval');
      expect(connection).toMatchObject({ id: connectionId, name: 'Left behind', requestId: requested.id });
      const created = (await second.store.readAll({ fromPosition: 0, limit: 10_000 })).filter(
        ({ type }) => type === 'ConnectionCreated',
      );
      expect(created.filter(({ streamId }) => streamId.endsWith(connectionId))).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('given a republish run that recorded its publication and stopped, when the application starts, then the run requests it and finishes', async () => {
    // Given an integration that needs a republish after a breaking update
    const first = await startTestApp({ DATA_DIR: dataDir });
    const token = await first.login(ADMIN.username, ADMIN.password);
    const integrationId = await createIntegration(first, token, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
    await publishedOrFail(first, token, integrationId);
    const entity = (await entityNames(first, token, integrationId)).customers;
    await first
      .http()
      .post(`/api/dependencies/${RUNTIME.name}/updates`)
      .set(bearer(token))
      .send({ version: MAJOR })
      .expect(201);
    await eventually(async () => {
      const response = await first
        .http()
        .get(`/api/data/development/${integrationId}/${encodeURIComponent(entity)}`)
        .query({ limit: '1' })
        .set(bearer(token));
      return response.status === 409 ? response : undefined;
    }, 'the integration to need a republish');
    const adminId = await adminIdOf(first);
    await first.close();

    // And a run that recorded the publication of its item, then stopped before requesting it
    const runId = uuidv7();
    const publicationId = uuidv7();
    const at = new Date().toISOString();
    const metadata: EventMetadata = {
      actorId: adminId,
      correlationId: uuidv7(),
      causationId: uuidv7(),
      environment: 'development',
    };
    await appendWhileStopped(dataDir, republishStreamId(runId), [
      {
        eventId: uuidv7(),
        type: 'RepublishStarted',
        data: {
          runId,
          integrationIds: [integrationId],
          startedBy: adminId,
          startedAt: at,
          environment: 'development',
        },
        metadata,
      },
      {
        eventId: uuidv7(),
        type: 'RepublishItemStarted',
        data: { runId, integrationId, publicationId, startedAt: at },
        metadata,
      },
    ]);

    // When the application starts again
    const second = await startTestApp({ DATA_DIR: dataDir });
    try {
      const again = await second.login(ADMIN.username, ADMIN.password);

      // Then the run requests the publication it recorded, and finishes once it is published
      const run = await finishedRun(second, again, runId);
      expect(run).toMatchObject({ status: 'finished', published: 1, failed: 0, skipped: 0 });
      expect(run.items).toEqual([
        expect.objectContaining({ integrationId, publicationId, status: 'published', version: 2 }),
      ]);
    } finally {
      await second.close();
    }
  });
});
