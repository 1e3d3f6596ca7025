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
import { createReadModelOrm, type ReadModelOrm } from './read-model-orm';
import { openReadOnlyConnection } from '../infrastructure/read-model/read-only-connection';
import { type NativeDatabase } from '../infrastructure/read-model/view-table';
import { ViewStores } from '../infrastructure/read-model/view-store';
import { createReadModelWriter } from '../infrastructure/read-model/read-model-writer';
import { READ_MODEL_WRITER, type ReadModelWriter } from '../infrastructure/read-model/read-model-writes';
import { BackgroundJobs } from '../infrastructure/leases/background-jobs';
import { type LeaseTiming } from '../infrastructure/leases/leased-job';
import { SqliteJobLeases } from '../infrastructure/leases/sqlite-job-leases';

export const READ_MODEL_ORM = Symbol('READ_MODEL_ORM');
const READ_MODEL_READER = Symbol('READ_MODEL_READER');

export type ReadModelModuleOptions = Readonly<{
  /** `<dataDir>/read-model.db`, or ':memory:'. */
  file: string;
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

/** The runner is started by the application once it is ready; here it is only stopped before the ORM closes. */
@Injectable()
class ReadModelShutdown implements OnApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(READ_MODEL_ORM) private readonly orm: ReadModelOrm,
    @Inject(READ_MODEL_READER) private readonly reader: NativeDatabase | null,
    @Inject(READ_MODEL_WRITER) private readonly writer: ReadModelWriter,
    private readonly jobs: BackgroundJobs,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.jobs.stopAll();
    this.runner.unfollow();
    await this.runner.stop();
    await this.writer.close();
    this.reader?.close();
    await this.orm.close();
  }
}

/**
 * Provides ViewStores (every view's reads), ProjectionRunner (the projections into the views) and the
 * process managers' checkpoints (kept beside the views'), for the whole application.
 */
@Module({})
export class ReadModelModule {
  static forRoot(options: ReadModelModuleOptions): DynamicModule {
    return {
      module: ReadModelModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: READ_MODEL_ORM, useFactory: () => createReadModelOrm(options) },
        {
          // Opened after the ORM, whose migrations create the file and its tables.
          provide: READ_MODEL_READER,
          useFactory: (_orm: ReadModelOrm) =>
            options.file === ':memory:' ? null : openReadOnlyConnection(options.file),
          inject: [READ_MODEL_ORM],
        },
        {
          provide: ViewStores,
          useFactory: async (orm: ReadModelOrm, reader: NativeDatabase | null) =>
            new ViewStores(orm, reader ?? (await orm.em.getConnection().getNativeClient())),
          inject: [READ_MODEL_ORM, READ_MODEL_READER],
        },
        {
          // Created after the ORM, whose migrations must be done before another connection writes.
          provide: READ_MODEL_WRITER,
          useFactory: (orm: ReadModelOrm) => createReadModelWriter(orm, options.file),
          inject: [READ_MODEL_ORM],
        },
        {
          provide: BackgroundJobs,
          useFactory: (orm: ReadModelOrm) =>
            new BackgroundJobs(
              new SqliteJobLeases(() => orm.em.getConnection().getNativeClient()),
              options.instanceId ?? 'embedded',
              options.leaseTiming,
            ),
          inject: [READ_MODEL_ORM],
        },
        {
          provide: ProjectionRunner,
          useFactory: (store: EventStore, orm: ReadModelOrm, writer: ReadModelWriter, jobs: BackgroundJobs) =>
            new ProjectionRunner(store, orm, {
              // Other instances follow the stored checkpoints, so every view's moves with every batch.
              ...(options.instanceId === undefined ? {} : { idleCheckpointIntervalMs: 0 }),
              ...options.runner,
              views: options.views,
              writer: options.instanceId === undefined ? writer : jobs.fencedWriter('projections', writer),
            }),
          inject: [EVENT_STORE, READ_MODEL_ORM, READ_MODEL_WRITER, BackgroundJobs],
        },
        {
          provide: PROCESS_CHECKPOINTS,
          useFactory: (orm: ReadModelOrm, writer: ReadModelWriter, jobs: BackgroundJobs) =>
            new SqliteProcessCheckpoints(
              orm,
              undefined,
              options.instanceId === undefined ? writer : jobs.fencedWriter('process-managers', writer),
            ),
          inject: [READ_MODEL_ORM, READ_MODEL_WRITER, BackgroundJobs],
        },
        ReadModelShutdown,
      ],
      exports: [ViewStores, ProjectionRunner, READ_MODEL_ORM, PROCESS_CHECKPOINTS, BackgroundJobs],
    };
  }
}
