import { performance } from 'node:perf_hooks';
import {
  type Attribute,
  type Entity,
  integrationPublicationsStreamId,
  integrationStreamId,
  publicationStreamId,
} from '@ib/domain';
import {
  EVENT_STORE,
  type EventStore,
  type NewEvent,
} from '../apps/api/src/infrastructure/event-store/event-store.port';
import { uuidv7 } from '../apps/api/src/infrastructure/ids';
import { appendSampleHistory, sampleHistory } from '../apps/api/src/read-model/testing/sample-history';
import { type BenchApp, startBenchApp } from './lib/bench-app';
import { report } from './lib/report';

/** The integration's own events; ten publications of it add their own streams. */
const EVENTS = 10_000;
const PUBLICATIONS = 10;
const EVENTS_PER_APPEND = 50;
/** Other objects around it (about 15 events each), so the log is not the integration alone. */
const OTHER_INTEGRATIONS = 1_500;
const CALLS = 30;
const HISTORY_TARGET_MS = 200;
const AS_OF_TARGET_MS = 50;

const metadata = (actorId: string) => ({
  actorId,
  correlationId: uuidv7(),
  causationId: uuidv7(),
  environment: 'development',
});

const attribute = (name: string, nullable: boolean): Attribute => ({
  name,
  nativeType: 'TEXT',
  type: 'Text',
  nullable,
  primaryKey: name === 'id',
  autoIncrement: false,
});

const entity = (index: number, revision: number): Entity => ({
  name: `Table${index}`,
  table: `table_${index}`,
  kind: 'table',
  primaryKey: ['id'],
  attributes: ['id', 'name', 'note', 'created', 'updated'].map((name) =>
    attribute(name, name === 'note' && revision % 2 === 1),
  ),
});

/**
 * The integration's event at stream version `version`: created, a connection and a database, then
 * mostly renames (details changed) with, every tenth event, a table added (forty of them) or re-added
 * with a changed column, as a long-lived integration edited for years would have.
 */
function integrationEvent(integrationId: string, version: number): NewEvent {
  const at = new Date(Date.UTC(2024, 0, 1) + version * 60_000).toISOString();
  const common = { eventId: uuidv7(), metadata: metadata(`bench-user-${version % 7}`) };
  if (version === 0)
    return {
      ...common,
      type: 'IntegrationCreated',
      data: {
        integrationId,
        environment: 'development',
        provider: 'sqlite',
        applicationName: 'Long-lived',
        moduleName: 'Long_lived_IS',
        description: '',
        createdBy: 'bench-user-0',
        createdAt: at,
      },
    };
  if (version === 1)
    return {
      ...common,
      type: 'IntegrationConnectionSelected',
      data: { integrationId, connectionId: uuidv7(), selectedAt: at },
    };
  if (version === 2)
    return {
      ...common,
      type: 'IntegrationDatabaseSelected',
      data: { integrationId, database: 'main', selectedAt: at },
    };
  if (version % 10 === 0)
    return {
      ...common,
      type: 'IntegrationEntitiesAdded',
      data: {
        integrationId,
        entities: [entity((version / 10) % 40, Math.floor(version / 400))],
        addedAt: at,
      },
    };
  return {
    ...common,
    type: 'IntegrationDetailsChanged',
    data: {
      integrationId,
      applicationName: `Long-lived ${version}`,
      moduleName: 'Long_lived_IS',
      description: `Revision ${version}`,
      changedAt: at,
    },
  };
}

/** One publication of the draft at `integrationVersion`: its start and its success, on their own streams. */
async function publish(
  store: EventStore,
  integrationId: string,
  integrationVersion: number,
  version: number,
) {
  const publicationId = uuidv7();
  const at = new Date().toISOString();
  await store.append(
    integrationPublicationsStreamId(integrationId),
    [
      {
        eventId: uuidv7(),
        type: 'PublicationStarted',
        data: {
          integrationId,
          publicationId,
          integrationVersion,
          version,
          startedBy: 'bench-user-0',
          startedAt: at,
        },
        metadata: metadata('bench-user-0'),
      },
    ],
    { expectedVersion: version === 1 ? 'no_stream' : version - 2 },
  );
  await store.append(
    publicationStreamId(publicationId),
    [
      {
        eventId: uuidv7(),
        type: 'IntegrationPublished',
        data: {
          publicationId,
          integrationId,
          integrationVersion,
          version,
          environment: 'development',
          packageHash: `sha256:${'0'.repeat(64)}`,
          publishedAt: at,
        },
        metadata: metadata('system'),
      },
    ],
    { expectedVersion: 'no_stream' },
  );
}

/** Writes the integration's EVENTS events through the store's append, its publications in between. */
export async function writeLongHistory(store: EventStore, integrationId: string): Promise<void> {
  let published = 0;
  for (let version = 0; version < EVENTS; version += EVENTS_PER_APPEND) {
    const batch = Array.from({ length: Math.min(EVENTS_PER_APPEND, EVENTS - version) }, (_, index) =>
      integrationEvent(integrationId, version + index),
    );
    await store.append(integrationStreamId(integrationId), batch, {
      expectedVersion: version === 0 ? 'no_stream' : version - 1,
    });
    const last = version + batch.length - 1;
    if (Math.floor((last + 1) / (EVENTS / PUBLICATIONS)) > published) {
      published += 1;
      await publish(store, integrationId, last, published);
    }
  }
}

/** Waits until every view has projected the log, so no catch-up competes with the calls measured. */
async function caughtUp(api: BenchApp): Promise<void> {
  for (;;) {
    const { body } = await api.call<{ items: { lag: number }[] }>('GET', '/api/projections');
    if (body.items.every(({ lag }) => lag === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type Timing = Readonly<{ medianMs: number; p95Ms: number; firstMs: number; bytes: number }>;

/** CALLS calls after the first one (reported apart: the first reads the file cold). */
async function timeCalls(url: string, token: string): Promise<Timing> {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${text.slice(0, 300)}`);
    return { ms: performance.now() - started, bytes: Buffer.byteLength(text) };
  };
  const first = await once();
  const times: number[] = [];
  for (let call = 0; call < CALLS; call++) times.push((await once()).ms);
  times.sort((a, b) => a - b);
  return {
    medianMs: times[Math.floor(times.length / 2)],
    p95Ms: times[Math.ceil(times.length * 0.95) - 1],
    firstMs: first.ms,
    bytes: first.bytes,
  };
}

const verdict = (ms: number, target: number) =>
  `target: median < ${target} ms ${ms < target ? 'met' : 'MISSED'}`;

/**
 * One integration with 10,000 events (and ten publications) in a SQLite log of ~30,000, asked for
 * through the real API (Fastify, in process): its whole history, and its state at the middle of its
 * life by moment and by version, each folded from the event store on every call. Beside them, the
 * store's read of the stream alone, the floor under both.
 */
export async function runHistoryBench(): Promise<void> {
  const api = await startBenchApp('history');
  try {
    const store = api.app.get<EventStore>(EVENT_STORE);
    await appendSampleHistory(store, sampleHistory({ integrations: OTHER_INTEGRATIONS }));
    const integrationId = uuidv7();
    await writeLongHistory(store, integrationId);
    const head = await store.headPosition();
    await caughtUp(api);
    const { events } = await store.readStream(integrationStreamId(integrationId));
    const middle = events[EVENTS / 2];

    const reads: number[] = [];
    for (let call = 0; call < CALLS; call++) {
      const started = performance.now();
      await store.readStream(integrationStreamId(integrationId));
      reads.push(performance.now() - started);
    }
    reads.sort((a, b) => a - b);

    const path = `${api.url}/api/integrations/${integrationId}`;
    const history = await timeCalls(`${path}/history`, api.token);
    const asOf = await timeCalls(`${path}?asOf=${encodeURIComponent(middle.recordedAt)}`, api.token);
    const version = await timeCalls(`${path}?version=${EVENTS / 2}`, api.token);

    const figures = ({ p95Ms, firstMs }: Timing) =>
      `p95 ${p95Ms.toFixed(1)} ms, first call ${firstMs.toFixed(1)} ms`;
    report(
      'history.store.read-stream',
      reads[Math.floor(reads.length / 2)],
      'ms',
      `median of ${CALLS}: the ${EVENTS} events of one stream read and parsed, in a log of ${head}`,
    );
    report(
      'history.http.GET /history',
      history.medianMs,
      'ms',
      `median of ${CALLS}, ${figures(history)}, ${(history.bytes / 1e6).toFixed(1)} MB answer; ${verdict(history.medianMs, HISTORY_TARGET_MS)}`,
    );
    report(
      'history.http.GET ?asOf=',
      asOf.medianMs,
      'ms',
      `median of ${CALLS}, ${figures(asOf)}; ${verdict(asOf.medianMs, AS_OF_TARGET_MS)}`,
    );
    const readMs = reads[Math.floor(reads.length / 2)];
    report(
      'history.http.GET ?asOf= / read-stream',
      asOf.medianMs / readMs,
      'x',
      'medians: the fold and the HTTP call over the read alone',
    );
    report(
      'history.http.GET ?version=',
      version.medianMs,
      'ms',
      `median of ${CALLS}, ${figures(version)}; ${verdict(version.medianMs, AS_OF_TARGET_MS)}`,
    );
  } finally {
    await api.close();
  }
}

if (require.main === module) {
  runHistoryBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
