import {
  type DynamicModule,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { join } from 'node:path';
import { AuthGuard } from './auth/auth.guard';
import { CredentialStore, PasswordHasher, TokenService } from './auth/crypto';
import { ApiKeyHashStore } from './auth/crypto/api-key-hash-store';
import { FirstStart } from './bootstrap/first-start';
import { APP_CONFIG } from './config/app-config.provider';
import { type AppConfig } from './config/app-config';
import { CONTROLLERS, HANDLERS, SERVICES } from './use-cases';
import { CLOCK, type Clock, systemClock } from './infrastructure/clock';
import { CommandRunner } from './infrastructure/command-handling/command-runner';
import { ReadYourWrites } from './infrastructure/consistency/read-your-writes';
import { EVENT_STORE, type EventStore } from './infrastructure/event-store/event-store.port';
import { LogHead } from './infrastructure/event-store/log-head';
import { createSqliteEventStore } from './infrastructure/event-store/sqlite-event-store';
import { ProblemDetailsFilter } from './infrastructure/http/problem-details.filter';
import { createValidationPipe } from './infrastructure/http/validation.pipe';
import { IdempotencyInterceptor } from './infrastructure/idempotency/idempotency.interceptor';
import { IdempotentPosts } from './infrastructure/idempotency/idempotent-posts';
import { SqliteIdempotencyStore } from './infrastructure/idempotency/idempotency-store';
import {
  IDEMPOTENCY_STORE,
  type IdempotencyStore,
} from './infrastructure/idempotency/idempotency-store.port';
import { ProjectionRunner } from './infrastructure/read-model/projection-runner';
import { ReadModelModule } from './infrastructure/read-model/read-model.module';
import { SecretStore, loadMasterKey } from './infrastructure/secrets';

export type AppOverrides = Readonly<{ clock?: Clock; eventStore?: EventStore }>;

const nestLogger = (context: string) => {
  const logger = new Logger(context);
  return { warn: (message: string) => logger.warn(message), log: (message: string) => logger.log(message) };
};

/** Starts projections after first-start seeding, and closes every store on shutdown. */
class Lifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly firstStart: FirstStart,
    private readonly projections: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly secrets: SecretStore,
    private readonly credentials: CredentialStore,
    private readonly apiKeyHashes: ApiKeyHashStore,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
  ) {}

  async onApplicationBootstrap() {
    await this.firstStart.run();
    await this.projections.start();
    await this.projections.waitFor(await this.store.headPosition(), 10_000);
  }

  async onApplicationShutdown() {
    await this.projections.stop();
    await this.store.close();
    this.secrets.close();
    this.credentials.close();
    this.apiKeyHashes.close();
    this.idempotency.close();
  }
}

@Module({})
class CoreModule {}

@Module({})
export class AppModule {
  static register(config: AppConfig, overrides: AppOverrides = {}): DynamicModule {
    const core: Provider[] = [
      { provide: APP_CONFIG, useValue: config },
      { provide: CLOCK, useValue: overrides.clock ?? systemClock },
      {
        provide: EVENT_STORE,
        useFactory: () => overrides.eventStore ?? createSqliteEventStore(config.dataDir),
      },
    ];
    // Global so that library-like modules (the read model) can inject the event store and clock.
    const coreModule: DynamicModule = {
      module: CoreModule,
      global: true,
      providers: core,
      exports: [APP_CONFIG, CLOCK, EVENT_STORE],
    };
    const infrastructure: Provider[] = [
      {
        provide: SecretStore,
        useFactory: () =>
          new SecretStore({
            file: join(config.dataDir, 'secrets.sqlite'),
            masterKey: loadMasterKey({
              configuredKey: config.secretsKey,
              keyFile: config.secretsKeyFile,
              dataDir: config.dataDir,
              logger: nestLogger('Secrets'),
            }),
          }),
      },
      {
        provide: CredentialStore,
        useFactory: () => new CredentialStore({ file: join(config.dataDir, 'credentials.sqlite') }),
      },
      {
        provide: ApiKeyHashStore,
        useFactory: () => new ApiKeyHashStore({ file: join(config.dataDir, 'credentials.sqlite') }),
      },
      { provide: PasswordHasher, useValue: new PasswordHasher() },
      {
        provide: TokenService,
        useFactory: () =>
          new TokenService({
            secret: config.tokenSecret,
            ttlSeconds: config.tokenTtlSeconds,
            logger: nestLogger('Tokens'),
          }),
      },
      {
        provide: IDEMPOTENCY_STORE,
        useFactory: () =>
          new SqliteIdempotencyStore({
            file: join(config.dataDir, 'idempotency.sqlite'),
            policy: config.idempotency,
          }),
      },
      CommandRunner,
      ReadYourWrites,
      LogHead,
      IdempotentPosts,
      FirstStart,
      Lifecycle,
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      { provide: APP_PIPE, useFactory: createValidationPipe },
    ];
    return {
      module: AppModule,
      imports: [
        coreModule,
        CqrsModule.forRoot(),
        ReadModelModule.forRoot({ file: join(config.dataDir, 'read-model.sqlite') }),
      ],
      controllers: CONTROLLERS,
      providers: [...infrastructure, ...SERVICES, ...HANDLERS],
    };
  }
}
