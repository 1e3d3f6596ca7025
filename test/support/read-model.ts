import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnyEvent } from '@ib/domain';
import { type AppendResult } from '../../apps/api/src/infrastructure/event-store/event-store.port';
import { SqliteEventStore } from '../../apps/api/src/infrastructure/event-store/sqlite-event-store';
import { uuidv7 } from '../../apps/api/src/infrastructure/ids';
import {
  ProjectionRunner,
  type ProjectionRunnerOptions,
} from '../../apps/api/src/infrastructure/read-model/projection-runner';
import { APP_VIEWS } from '../../apps/api/src/app.views';
import { ThreadReadModelWriter } from '../../apps/api/src/infrastructure/read-model/read-model-writer';
import { type ViewStore, ViewStores } from '../../apps/api/src/infrastructure/read-model/view-store';
import { createReadModelOrm, type ReadModelOrm } from '../../apps/api/src/read-model';

/** Every view's table, in the order of the application's views (APP_VIEWS). */
export const VIEW_TABLES = [
  'connections',
  'connection_requests',
  'integrations',
  'publications',
  'deployments',
  'integration_dependency_states',
  'dependencies',
  'republish_runs',
  'environments',
  'users',
  'api_keys',
  'user_sessions',
] as const;
export const CHECKPOINTED_AT = '2025-06-01T00:00:00.000Z';

/**
 * A real event store and a real read model (every view of the application) on temporary files, for specs. Every runner it made is
 * stopped and every file removed by dispose().
 */
export async function temporaryReadModel({ writer = 'inline' }: { writer?: 'inline' | 'thread' } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'ib-read-model-'));
  const store = new SqliteEventStore({ file: join(folder, 'events.sqlite'), pollIntervalMs: 10 });
  const orm: ReadModelOrm = await createReadModelOrm({
    file: join(folder, 'read-model.db'),
    views: APP_VIEWS,
  });
  const stores = new ViewStores(orm, await orm.em.getConnection().getNativeClient());
  const runners: ProjectionRunner[] = [];
  // The application writes on a thread of its own; 'inline' writes on the ORM's connection, as in memory.
  const threadWriter =
    writer === 'thread' ? new ThreadReadModelWriter(join(folder, 'read-model.db')) : undefined;
  return {
    store,
    orm,
    /** Any view of the application (whichever context owns it) through its view store, by projection name. */
    view: <Document extends object = Record<string, unknown>>(name: string): ViewStore<Document> => {
      const view = APP_VIEWS.find(({ projection }) => projection.name === name);
      if (view === undefined) throw new Error(`No view ${name}`);
      return stores.of<Document>(view.entity);
    },
    runner: (options: Partial<ProjectionRunnerOptions> = {}) => {
      const runner = new ProjectionRunner(store, orm, {
        retryDelayMs: 20,
        // Every batch writes every checkpoint, so specs can compare stored checkpoints exactly.
        idleCheckpointIntervalMs: 0,
        now: () => new Date(CHECKPOINTED_AT),
        views: APP_VIEWS,
        writer: threadWriter,
        ...options,
      });
      runners.push(runner);
      return runner;
    },
    /** Appends domain events to one stream as one command would, whatever its version. */
    append: (streamId: string, ...events: AnyEvent[]): Promise<AppendResult> =>
      store.append(
        streamId,
        events.map(({ type, data }) => ({
          eventId: uuidv7(),
          type,
          data,
          metadata: { actorId: 'alice', correlationId: uuidv7(), causationId: uuidv7(), environment: 'dev' },
        })),
        { expectedVersion: 'any' },
      ),
    /** Every row of a table as stored, in key order. */
    rows: (table: string): Promise<Record<string, unknown>[]> =>
      orm.em.fork().execute(`select * from \`${table}\` order by 1`),
    checkpoints: async (): Promise<Record<string, number>> => {
      const rows = await orm.em
        .fork()
        .execute<{ name: string; position: number }[]>('select name, position from projection_checkpoints');
      return Object.fromEntries(rows.map(({ name, position }) => [name, position]));
    },
    dispose: async () => {
      for (const runner of runners) await runner.stop();
      await threadWriter?.close();
      await store.close();
      await orm.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export type TemporaryReadModel = Awaited<ReturnType<typeof temporaryReadModel>>;

/** Every position a projection may be at, all equal. */
export const everyViewAt = (position: number): Record<string, number> =>
  Object.fromEntries(VIEW_TABLES.map((name) => [name, position]));
