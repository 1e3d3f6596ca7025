import { Module } from '@nestjs/common';
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
  controllers: [VerifyChainController, ReplayController],
  providers: [AuditChainSealer],
})
export class AuditModule {}
