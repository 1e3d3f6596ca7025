import { Module } from '@nestjs/common';
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

/**
 * What auditors and operators ask of the log itself: the audit search and export, each object's
 * history and past states, the hash chain's verification, and the replay that proves the read model.
 * Everything here reads the event store, never the read model's views of it, but for the replay,
 * which compares them with it.
 */
@Module({
  imports: [IdentityModule],
  controllers: [SearchAuditLogController, ExportAuditLogController, VerifyChainController, ReplayController],
  providers: [UserGrantHistory, AuditCriteriaBuilder, SearchAuditLogHandler, AuditExport, AuditChainSealer],
})
export class AuditModule {}
