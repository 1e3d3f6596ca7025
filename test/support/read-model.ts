import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnyEvent } from '@ib/domain';
import { type AppendResult } from '../../apps/api/src/infrastructure/event-store/event-store.port';
import { parseMysqlUrl } from '../../apps/api/src/infrastructure/mysql/mysql-server-url';
import { SqliteEventStore } from '../../apps/api/src/infrastructure/event-store/sqlite-event-store';
import { uuidv7 } from '../../apps/api/src/infrastructure/ids';
import {
  ProjectionRunner,
  type ProjectionRunnerOptions,
} from '../../apps/api/src/infrastructure/read-model/projection-runner';
import { APP_VIEWS } from '../../apps/api/src/app.views';
import {
  inlineWriterFor,
  ThreadReadModelWriter,
} from '../../apps/api/src/infrastructure/read-model/read-model-writer';
import { type ReadModelWriter } from '../../apps/api/src/infrastructure/read-model/read-model-writes';
import {
  type NativeDatabase,
  SqliteViewReader,
  type ViewReader,
} from '../../apps/api/src/infrastructure/read-model/view-reader';
import { ViewReplay, type ViewReplayOptions } from '../../apps/api/src/infrastructure/read-model/view-replay';
import { type EventStore } from '../../apps/api/src/infrastructure/event-store/event-store.port';
import { type ViewStore, ViewStores } from '../../apps/api/src/infrastructure/read-model/view-store';
import { createReadModelOrm, openReadModelDatabase, type ReadModelOrm } from '../../apps/api/src/read-model';
import { createDatabase, dropDatabase, uniqueDatabaseName } from './mariadb';

/** Every view's table, in the order of the application's views (APP_VIEWS). */
export const VIEW_TABLES = [
  'connections',
  'connection_requests',
  'connection_bindings',
  'integrations',
  'publications',
  'deployments',
  'integration_dependency_states',
  'dependencies',
  'republish_runs',
  'schema_drift',
  'environment_drift_checks',
  'environments',
  'users',
  'api_keys',
  'user_sessions',
  'change_requests',
] as const;
export const CHECKPOINTED_AT = '2025-06-01T00:00:00.000Z';

export type TemporaryReadModelOptions =
  | Readonly<{
      /** The application writes on a thread of its own; 'inline' writes on the ORM's connection, as in memory. */
      writer?: 'inline' | 'thread';
    }>
  | Readonly<{
      /**
       * A MariaDB/MySQL server (a URL such as MYSQL_URL, its path ignored): the read model then lives in
       * a fresh database of it, created here and dropped by dispose(), written by the MySQL writer.
       */
      mysqlUrl: string;
    }>;

/** The read model's database as a spec uses it, in either dialect. */
type OpenedReadModel = Readonly<{
  orm: ReadModelOrm;
  stores: ViewStores;
  /** Given to every runner; absent, a runner writes and reads on the ORM's own SQLite connection. */
  writer?: ReadModelWriter;
  reader?: ViewReader;
  /** The read model's tables whose name is like `pattern` (SQL `like`). */
  tables: (pattern: string) => Promise<string[]>;
  close: () => Promise<void>;
}>;

async function openSqliteReadModel(folder: string, writer: 'inline' | 'thread'): Promise<OpenedReadModel> {
  const orm: ReadModelOrm = await createReadModelOrm({
    file: join(folder, 'read-model.db'),
    views: APP_VIEWS,
  });
  const threadWriter =
    writer === 'thread' ? new ThreadReadModelWriter(join(folder, 'read-model.db')) : undefined;
  return {
    orm,
    stores: new ViewStores(orm, await orm.em.getConnection().getNativeClient()),
    writer: threadWriter,
    tables: async (pattern) =>
      (
        await orm.em
          .fork()
          .execute<{ name: string }[]>(
            "select name from sqlite_master where type = 'table' and name like ? order by name",
            [pattern],
          )
      ).map(({ name }) => name),
    close: async () => {
      await threadWriter?.close();
      await orm.close();
    },
  };
}

/** As the application opens it on a server (openReadModelDatabase), in a database of its own. */
async function openMysqlReadModel(url: string): Promise<OpenedReadModel> {
  const database = uniqueDatabaseName('ib_runner');
  await createDatabase(database, url);
  const target = new URL(url);
  target.pathname = `/${database}`;
  try {
    const opened = await openReadModelDatabase(
      { server: parseMysqlUrl(target.toString(), 'MYSQL_URL') },
      APP_VIEWS,
    );
    const { orm } = opened;
    return {
      orm,
      stores: new ViewStores(orm, opened.reader),
      writer: opened.writer,
      reader: opened.runnerReader,
      tables: async (pattern) =>
        (
          await orm.em
            .fork()
            .execute<{ name: string }[]>(
              'select table_name as name from information_schema.tables ' +
                'where table_schema = database() and table_name like ? order by table_name',
              [pattern],
            )
        ).map(({ name }) => name),
      close: async () => {
        try {
          await opened.close();
        } finally {
          await dropDatabase(database, url);
        }
      },
    };
  } catch (error) {
    await dropDatabase(database, url);
    throw error;
  }
}

/**
 * A real event store and a real read model (every view of the application), for specs: the log on a
 * temporary SQLite file, the read model on another one or in a fresh database of a MariaDB/MySQL server
 * (see TemporaryReadModelOptions). Every runner it made is stopped, and every file and database
 * removed, by dispose().
 */
export async function temporaryReadModel(options: TemporaryReadModelOptions = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'ib-read-model-'));
  const store = new SqliteEventStore({ file: join(folder, 'events.sqlite'), pollIntervalMs: 10 });
  let opened: OpenedReadModel;
  try {
    opened =
      'mysqlUrl' in options
        ? await openMysqlReadModel(options.mysqlUrl)
        : await openSqliteReadModel(folder, options.writer ?? 'inline');
  } catch (error) {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const { orm, stores } = opened;
  const runners: ProjectionRunner[] = [];
  return {
    store,
    orm,
    /** Any view of the application (whichever context owns it) through its view store, by projection name. */
    view: <Document extends object = Record<string, unknown>>(name: string): ViewStore<Document> => {
      const view = APP_VIEWS.find(({ projection }) => projection.name === name);
      if (view === undefined) throw new Error(`No view ${name}`);
      return stores.of<Document>(view.entity);
    },
    runner: (runnerOptions: Partial<ProjectionRunnerOptions> = {}) => {
      const runner = new ProjectionRunner(store, orm, {
        retryDelayMs: 20,
        // Every batch writes every checkpoint, so specs can compare stored checkpoints exactly.
        idleCheckpointIntervalMs: 0,
        now: () => new Date(CHECKPOINTED_AT),
        views: APP_VIEWS,
        writer: opened.writer,
        reader: opened.reader,
        ...runnerOptions,
      });
      runners.push(runner);
      return runner;
    },
    /**
     * The audit replay of every view against `runner`'s, reading and writing as the runner does; it reads
     * the log from `log` when given (a spec that acts while the replay reads it).
     */
    replay: async (
      runner: ProjectionRunner,
      log: Pick<EventStore, 'readAll'> = store,
      replayOptions: ViewReplayOptions = {},
    ) =>
      new ViewReplay(
        log,
        runner,
        opened.reader ??
          new SqliteViewReader((await orm.em.getConnection().getNativeClient()) as NativeDatabase),
        opened.writer ?? (await inlineWriterFor(orm)),
        replayOptions,
      ),
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
      return Object.fromEntries(rows.map(({ name, position }) => [name, Number(position)]));
    },
    /** The read model's tables whose name is like `pattern` (SQL `like`), in name order. */
    tables: opened.tables,
    dispose: async () => {
      for (const runner of runners) await runner.stop();
      try {
        await opened.close();
      } finally {
        await store.close();
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

export type TemporaryReadModel = Awaited<ReturnType<typeof temporaryReadModel>>;

/** Every position a projection may be at, all equal. */
export const everyViewAt = (position: number): Record<string, number> =>
  Object.fromEntries(VIEW_TABLES.map((name) => [name, position]));
