import { type DynamicModule, Logger, Module, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { join } from 'node:path';
import { AuditModule } from './audit';
import { AuditChainMonitor, auditKeyOf } from './infrastructure/audit-chain/audit-chain-monitor';
import { ConnectionsModule } from './connections';
import { DataApiModule } from './data-api';
import { EventFeedModule } from './event-feed';
import { GovernanceModule } from './governance';
import { AuthGuard, IdentityModule } from './identity';
import { IntegrationsModule } from './integrations';
import { NotificationsModule } from './notifications';
import { OperationsModule } from './operations';
import { PublishingModule } from './publishing';
import { Lifecycle } from './app-lifecycle';
import { APP_CONFIG } from './config/app-config.provider';
import { type AppConfig } from './config/app-config';
import { CLOCK, type Clock, systemClock } from './infrastructure/clock';
import { CommandRunner } from './infrastructure/command-handling/command-runner';
import { ReadYourWrites } from './infrastructure/consistency/read-your-writes';
import { type EventFeedPublisher } from './infrastructure/event-feed/event-feed.port';
import { EVENT_STORE, type EventStore } from './infrastructure/event-store/event-store.port';
import { LogHead } from './infrastructure/event-store/log-head';
import { CurrentViews } from './infrastructure/consistency/current-views';
import { createEventStore } from './infrastructure/event-store/open-event-store';
import { AUDIT_QUERY } from './infrastructure/event-store/audit-query/audit-query.port';
import { auditQueryOf } from './infrastructure/event-store/audit-query/audit-query-of';
import { ProblemDetailsFilter } from './infrastructure/http/problem-details.filter';
import { createValidationPipe } from './infrastructure/http/validation.pipe';
import { IdempotencyInterceptor } from './infrastructure/idempotency/idempotency.interceptor';
import { IdempotentPosts } from './infrastructure/idempotency/idempotent-posts';
import { MailModule } from './infrastructure/mail/mail.module';
import { createIdempotencyStore } from './infrastructure/idempotency/open-idempotency-store';
import { IDEMPOTENCY_STORE } from './infrastructure/idempotency/idempotency-store.port';
import {
  PROCESS_CHECKPOINTS,
  type ProcessCheckpoints,
} from './infrastructure/process-managers/process-checkpoints.port';
import { ProcessManagerRunner } from './infrastructure/process-managers/process-manager-runner';
import { ReadModelModule } from './read-model';
import { type LeaseTiming } from './infrastructure/leases/leased-job';
import { APP_VIEWS } from './app.views';
import { SecretStore, createSecretStore, loadMasterKey } from './infrastructure/secrets';

export type AppOverrides = Readonly<{
  clock?: Clock;
  eventStore?: EventStore;
  /** How long the background jobs' leases last and how often they are renewed (specs shorten them). */
  leaseTiming?: LeaseTiming;
  /** The feed's destination instead of Kafka (specs): the relay runs as with KAFKA_BROKERS set. */
  eventFeedPublisher?: EventFeedPublisher;
}>;

const nestLogger = (context: string) => {
  const logger = new Logger(context);
  return { warn: (message: string) => logger.warn(message), log: (message: string) => logger.log(message) };
};

@Module({})
class CoreModule {}

@Module({})
export class AppModule {
  static register(config: AppConfig, overrides: AppOverrides = {}): DynamicModule {
    // Global: every context injects the configuration, clock, event store, command runner, secrets,
    // read-your-writes and the process manager runner without naming the module that provides them.
    const core: Provider[] = [
      { provide: APP_CONFIG, useValue: config },
      { provide: CLOCK, useValue: overrides.clock ?? systemClock },
      {
        provide: EVENT_STORE,
        useFactory: () => overrides.eventStore ?? createEventStore(config.eventStore, config.dataDir),
      },
      // Asked of the store object, so a store given in overrides answers with its own.
      { provide: AUDIT_QUERY, useFactory: auditQueryOf, inject: [EVENT_STORE] },
      {
        provide: SecretStore,
        useFactory: () =>
          createSecretStore(config.database, {
            dataDir: config.dataDir,
            masterKey: loadMasterKey({
              configuredKey: config.secretsKey,
              keyFile: config.secretsKeyFile,
              dataDir: config.dataDir,
              logger: nestLogger('Secrets'),
            }),
          }),
      },
      {
        provide: IDEMPOTENCY_STORE,
        useFactory: () =>
          createIdempotencyStore(config.database, { dataDir: config.dataDir, policy: config.idempotency }),
      },
      CommandRunner,
      ReadYourWrites,
      CurrentViews,
      {
        provide: ProcessManagerRunner,
        useFactory: (store: EventStore, checkpoints: ProcessCheckpoints) =>
          new ProcessManagerRunner(store, checkpoints),
        inject: [EVENT_STORE, PROCESS_CHECKPOINTS],
      },
      LogHead,
      IdempotentPosts,
      {
        provide: AuditChainMonitor,
        useFactory: (store: EventStore) => new AuditChainMonitor(store, auditKeyOf(config.auditKey)),
        inject: [EVENT_STORE],
      },
    ];
    const coreModule: DynamicModule = {
      module: CoreModule,
      global: true,
      imports: [
        ReadModelModule.forRoot({
          location:
            config.database.kind === 'mysql'
              ? { server: config.database.server }
              : { file: join(config.dataDir, 'read-model.sqlite') },
          views: APP_VIEWS,
          instanceId: config.instanceId,
          leaseTiming: overrides.leaseTiming,
        }),
      ],
      providers: core,
      exports: [
        APP_CONFIG,
        CLOCK,
        EVENT_STORE,
        AUDIT_QUERY,
        SecretStore,
        IDEMPOTENCY_STORE,
        CommandRunner,
        ReadYourWrites,
        CurrentViews,
        ProcessManagerRunner,
        LogHead,
        IdempotentPosts,
        AuditChainMonitor,
      ],
    };
    return {
      module: AppModule,
      imports: [
        coreModule,
        MailModule,
        CqrsModule.forRoot(),
        IdentityModule,
        GovernanceModule,
        ConnectionsModule,
        IntegrationsModule,
        PublishingModule,
        DataApiModule,
        OperationsModule,
        AuditModule,
        NotificationsModule,
        EventFeedModule.register(config.eventFeed, overrides.eventFeedPublisher),
      ],
      providers: [
        Lifecycle,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
