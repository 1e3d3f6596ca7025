import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type ModuleMetadata,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
import { ReadModel } from './read-model';
import { createReadModelOrm, type ReadModelOrm } from './read-model-orm';

export const READ_MODEL_ORM = Symbol('READ_MODEL_ORM');

export type ReadModelModuleOptions = Readonly<{
  /** `<dataDir>/read-model.db`, or ':memory:'. */
  file: string;
  debug?: boolean;
  runner?: ProjectionRunnerOptions;
  /** Modules that export EVENT_STORE, unless a global module provides it. */
  imports?: ModuleMetadata['imports'];
}>;

/** The runner is started by the application once it is ready; here it is only stopped before the ORM closes. */
@Injectable()
class ReadModelShutdown implements OnApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(READ_MODEL_ORM) private readonly orm: ReadModelOrm,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.orm.close();
  }
}

/** Provides ReadModel (queries) and ProjectionRunner (projections into it), for the whole application. */
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
          provide: ReadModel,
          useFactory: (orm: ReadModelOrm) => new ReadModel(orm),
          inject: [READ_MODEL_ORM],
        },
        {
          provide: ProjectionRunner,
          useFactory: (store: EventStore, orm: ReadModelOrm) =>
            new ProjectionRunner(store, orm, options.runner),
          inject: [EVENT_STORE, READ_MODEL_ORM],
        },
        ReadModelShutdown,
      ],
      exports: [ReadModel, ProjectionRunner, READ_MODEL_ORM],
    };
  }
}
