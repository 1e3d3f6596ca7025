import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type ModuleMetadata,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../infrastructure/event-store/event-store.port';
import {
  type ProjectedView,
  ProjectionRunner,
  type ProjectionRunnerOptions,
} from '../infrastructure/read-model/projection-runner';
import { PROCESS_CHECKPOINTS } from '../infrastructure/process-managers/process-checkpoints.port';
import { SqliteProcessCheckpoints } from './process-checkpoints';
import { openReadModelDatabase, type ReadModelDatabase, type ReadModelLocation } from './read-model-database';
import { ViewStores } from '../infrastructure/read-model/view-store';
import { type ReadModelWriter } from '../infrastructure/read-model/read-model-writes';
import { BackgroundJobs, type JobName } from '../infrastructure/leases/background-jobs';
import { type LeaseTiming } from '../infrastructure/leases/leased-job';
import { ViewReplay } from '../infrastructure/read-model/view-replay';
import { type ReadModelDialect, type ViewReader } from '../infrastructure/read-model/view-reader';

export const READ_MODEL_ORM = Symbol('READ_MODEL_ORM');
const READ_MODEL_DATABASE = Symbol('READ_MODEL_DATABASE');

/**
 * For the tables a context writes itself rather than through a projection (notifications): where to
 * read them, and the read model's one writer, as a request writes through it (a user's own state) and
 * as the process managers do (only under their lease).
 */
export type ReadModelAccess = Readonly<{
  dialect: ReadModelDialect;
  reader: ViewReader;
  writer: ReadModelWriter;
  processWriter: ReadModelWriter;
}>;

export const READ_MODEL_ACCESS = Symbol('READ_MODEL_ACCESS');

export type ReadModelModuleOptions = Readonly<{
  /** `<dataDir>/read-model.sqlite` (or ':memory:'), or a MariaDB/MySQL database (DATABASE_URL). */
  location: ReadModelLocation;
  debug?: boolean;
  /**
   * Every view of the application, each projection with its table: the runner keeps them and the ORM
   * knows their tables. The app shell assembles the list, so the read model imports no context.
   */
  views: readonly ProjectedView[];
  runner?: Omit<ProjectionRunnerOptions, 'views'>;
  /**
   * This instance, when several may share the read model: the projections and the process managers
   * then write only under their leases (see BackgroundJobs). Without it they write unfenced.
   */
  instanceId?: string;
  leaseTiming?: LeaseTiming;
  /** Modules that export EVENT_STORE, unless a global module provides it. */
  imports?: ModuleMetadata['imports'];
}>;

/** The runner is started by the application once it is ready; here it is only stopped before the database closes. */
@Injectable()
class ReadModelShutdown implements OnApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(READ_MODEL_DATABASE) private readonly database: ReadModelDatabase,
    private readonly jobs: BackgroundJobs,
    private readonly replay: ViewReplay,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    // First, while its writes are still under the projections' lease: it drops the tables it made.
    await this.replay.stop();
    await this.jobs.stopAll();
    this.runner.unfollow();
    await this.runner.stop();
    await this.database.close();
  }
}

/**
 * Provides ViewStores (every view's reads), ProjectionRunner (the projections into the views),
 * ViewReplay (every view replayed from the log and compared with the live one, for the audit) and the
 * process managers' checkpoints (kept beside the views'), for the whole application, on a SQLite file
 * or a MariaDB/MySQL database.
 */
@Module({})
export class ReadModelModule {
  static forRoot(options: ReadModelModuleOptions): DynamicModule {
    const fenced = (jobs: BackgroundJobs, job: JobName, writer: ReadModelWriter) =>
      options.instanceId === undefined ? writer : jobs.fencedWriter(job, writer);
    return {
      module: ReadModelModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: READ_MODEL_DATABASE,
          useFactory: () => openReadModelDatabase(options.location, options.views, options.debug),
        },
        {
          provide: READ_MODEL_ORM,
          useFactory: (database: ReadModelDatabase) => database.orm,
          inject: [READ_MODEL_DATABASE],
        },
        {
          provide: ViewStores,
          useFactory: (database: ReadModelDatabase) => new ViewStores(database.orm, database.reader),
          inject: [READ_MODEL_DATABASE],
        },
        {
          provide: BackgroundJobs,
          useFactory: (database: ReadModelDatabase) =>
            new BackgroundJobs(database.leases, options.instanceId ?? 'embedded', options.leaseTiming),
          inject: [READ_MODEL_DATABASE],
        },
        {
          provide: ProjectionRunner,
          useFactory: (store: EventStore, database: ReadModelDatabase, jobs: BackgroundJobs) =>
            new ProjectionRunner(store, database.orm, {
              // Other instances follow the stored checkpoints, so every view's moves with every batch.
              ...(options.instanceId === undefined ? {} : { idleCheckpointIntervalMs: 0 }),
              ...options.runner,
              views: options.views,
              writer: fenced(jobs, 'projections', database.writer),
              reader: database.runnerReader,
            }),
          inject: [EVENT_STORE, READ_MODEL_DATABASE, BackgroundJobs],
        },
        {
          provide: ViewReplay,
          useFactory: (
            store: EventStore,
            database: ReadModelDatabase,
            jobs: BackgroundJobs,
            runner: ProjectionRunner,
          ) =>
            new ViewReplay(
              store,
              runner,
              database.runnerReader,
              fenced(jobs, 'projections', database.writer),
            ),
          inject: [EVENT_STORE, READ_MODEL_DATABASE, BackgroundJobs, ProjectionRunner],
        },
        {
          provide: PROCESS_CHECKPOINTS,
          useFactory: (database: ReadModelDatabase, jobs: BackgroundJobs) =>
            new SqliteProcessCheckpoints(
              database.orm,
              undefined,
              fenced(jobs, 'process-managers', database.writer),
              database.dialect,
            ),
          inject: [READ_MODEL_DATABASE, BackgroundJobs],
        },
        {
          provide: READ_MODEL_ACCESS,
          useFactory: (database: ReadModelDatabase, jobs: BackgroundJobs): ReadModelAccess => ({
            dialect: database.dialect,
            reader: database.reader,
            writer: database.writer,
            processWriter: fenced(jobs, 'process-managers', database.writer),
          }),
          inject: [READ_MODEL_DATABASE, BackgroundJobs],
        },
        ReadModelShutdown,
      ],
      exports: [
        ViewStores,
        ProjectionRunner,
        ViewReplay,
        READ_MODEL_ORM,
        READ_MODEL_ACCESS,
        PROCESS_CHECKPOINTS,
        BackgroundJobs,
      ],
    };
  }
}
