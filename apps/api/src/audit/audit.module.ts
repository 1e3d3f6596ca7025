import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.provider';
import { type AppConfig } from '../config/app-config';
import { IdentityModule } from '../identity';
import { AuditExport } from './export-audit-log/audit-export';
import { ExportAuditLogController } from './export-audit-log/audit-export.http';
import { AuditCriteriaBuilder } from './search-audit-log/audit-criteria-builder';
import { SearchAuditLogController } from './search-audit-log/search-audit-log.http';
import { SearchAuditLogHandler } from './search-audit-log/search-audit-log.query';
import { UserGrantHistory } from './user-grants/user-grant-history';
import { AuditChainSealer } from './chain/audit-chain-sealer';
import { ReplayController } from './replay/replay.http';
import { VerifyChainController } from './verify-chain/verify-chain.http';
import { EventScopes } from './live-stream/event-scopes';
import { LiveStream } from './live-stream/live-stream';
import { LiveStreamController } from './live-stream/live-stream.http';
import { createStreamTickets } from './live-stream/open-stream-tickets';
import { STREAM_TICKETS, type StreamTickets } from './live-stream/stream-tickets.port';

/**
 * What auditors and operators ask of the log itself: the audit search and export, each object's
 * history and past states, the hash chain's verification, and the replay that proves the read model.
 * Everything here reads the event store, never the read model's views of it, but for the replay,
 * which compares them with it. The live stream of changes (GET /api/stream) is here too: it follows
 * the log, and who sees which event on it is the audit log's rule, extended to developers.
 */
@Module({
  imports: [IdentityModule],
  controllers: [
    SearchAuditLogController,
    ExportAuditLogController,
    VerifyChainController,
    ReplayController,
    LiveStreamController,
  ],
  providers: [
    UserGrantHistory,
    AuditCriteriaBuilder,
    SearchAuditLogHandler,
    AuditExport,
    AuditChainSealer,
    EventScopes,
    LiveStream,
    {
      provide: STREAM_TICKETS,
      useFactory: (config: AppConfig) => createStreamTickets(config.database),
      inject: [APP_CONFIG],
    },
  ],
  exports: [LiveStream],
})
export class AuditModule implements OnApplicationShutdown {
  constructor(@Inject(STREAM_TICKETS) private readonly tickets: StreamTickets) {}

  async onApplicationShutdown() {
    await this.tickets.close();
  }
}
