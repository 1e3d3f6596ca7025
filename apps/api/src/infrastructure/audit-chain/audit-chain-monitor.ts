import { Logger } from '@nestjs/common';
import { type EventStore } from '../event-store/event-store.port';
import { type ChainCheckpoint, type ChainedLog, isChainedLog } from './chain-row';
import {
  type ChainAnchor,
  type ChainMismatch,
  type ChainVerification,
  GENESIS_ANCHOR,
  verifyChain,
} from './chain-verification';
import { type AuditKey, checkpointSignatureHolds, signCheckpoint } from './checkpoint-signature';

export type AuditChainState = 'unsupported' | 'verifying' | 'verified' | 'broken' | 'unavailable';

/** What /ready and GET /api/audit/verify tell of the chain as this instance last saw it. */
export type AuditChainStatus = Readonly<{
  state: AuditChainState;
  keyConfigured: boolean;
  /** The last verification that ended, with when it ended. */
  last?: ChainVerification & Readonly<{ at: string }>;
}>;

/**
 * Keeps this instance's view of the audit chain: verifies it in the background when the instance
 * starts (the whole log, so an edit of any stored event is reported after a restart, not only one
 * after the last checkpoint), records what the chain sealer finds as the log grows, and signs
 * checkpoints with AUDIT_KEY. A mismatch is logged as an error and kept for /ready until a later
 * verification of the whole log holds again.
 */
export class AuditChainMonitor {
  private readonly logger = new Logger('AuditChain');
  private state: AuditChainState;
  private last?: AuditChainStatus['last'];
  private starting?: Promise<void>;
  /** What broke the chain, until a verification of the whole log holds again. */
  private mismatch?: ChainMismatch;

  constructor(
    private readonly store: EventStore,
    private readonly key: AuditKey | undefined,
  ) {
    this.state = isChainedLog(store) ? 'verifying' : 'unsupported';
  }

  get log(): ChainedLog | undefined {
    return isChainedLog(this.store) ? this.store : undefined;
  }

  get keyConfigured(): boolean {
    return this.key !== undefined;
  }

  /** The first altered event found, while the chain is broken. */
  brokenAt(): ChainMismatch | undefined {
    return this.mismatch;
  }

  status(): AuditChainStatus {
    return {
      state: this.state,
      keyConfigured: this.keyConfigured,
      ...(this.last ? { last: this.last } : {}),
    };
  }

  /**
   * Starts the verification at start in the background and says what is not protected. `full`
   * recomputes every stored event (an edit made while the instance was down is found wherever it is);
   * `since-checkpoint` only what follows the newest signed checkpoint (fast on a long log; an older
   * edit then waits for GET /api/audit/verify or `npm run audit:verify`).
   */
  start(mode: 'full' | 'since-checkpoint' = 'full'): void {
    if (!this.log) {
      this.logger.warn('This event store keeps no hash chain: the audit log cannot be verified');
      return;
    }
    if (!this.key)
      this.logger.warn(
        'AUDIT_KEY is not set: checkpoints of the audit chain are not signed, so a rewrite of the whole ' +
          'log and its checkpoints would go unnoticed. Set AUDIT_KEY (kept outside the data folder) to sign them',
      );
    this.starting = (mode === 'full' ? this.verifyWholeLog() : this.verifySinceCheckpoint()).then(
      () => undefined,
      () => undefined,
    );
  }

  /** Resolves when the verification begun at start has ended (for tests and orderly shutdown). */
  async started(): Promise<void> {
    await this.starting;
  }

  /** Verifies every stored event and records the outcome. */
  verifyWholeLog(): Promise<ChainVerification> {
    return this.verifyFrom(GENESIS_ANCHOR);
  }

  private async verifySinceCheckpoint(): Promise<ChainVerification> {
    return this.verifyFrom(await this.trustedAnchor());
  }

  /** Verifies the events after `from` (up to `to`, the head by default) and records the outcome. */
  private async verifyFrom(from: ChainAnchor, to?: number): Promise<ChainVerification> {
    const log = this.log;
    if (!log) throw new Error('This event store keeps no hash chain');
    try {
      const verification = await verifyChain(log, { key: this.key, from, to });
      // Only a verification of the whole log clears a mismatch found earlier (the log was restored).
      if (verification.ok && from.position === GENESIS_ANCHOR.position && to === undefined) {
        this.state = 'verified';
        this.mismatch = undefined;
      }
      this.record(verification);
      return verification;
    } catch (error) {
      if (this.state === 'verifying') this.state = 'unavailable';
      throw error;
    }
  }

  /** The newest checkpoint this instance may trust: signed with the key when there is one. */
  async trustedAnchor(): Promise<ChainAnchor> {
    const checkpoints = (await this.log?.chainCheckpoints()) ?? [];
    const trusted = checkpoints.filter((checkpoint) => this.trusts(checkpoint));
    const newest = trusted.at(-1);
    return newest ? { position: newest.position, hash: newest.hash } : GENESIS_ANCHOR;
  }

  /** Records a verification: a mismatch breaks, a success only keeps (see verifyFrom). */
  private record(verification: ChainVerification): void {
    this.last = { ...verification, at: new Date().toISOString() };
    if (verification.ok) {
      if (this.state !== 'broken') this.state = 'verified';
      return;
    }
    this.state = 'broken';
    const mismatch = verification.firstMismatch!;
    this.mismatch = mismatch;
    this.logger.error(
      `The audit chain is broken at position ${mismatch.position} (${mismatch.kind}): ${mismatch.reason}`,
    );
  }

  /** Verifies the events after `anchor` up to position `to` (the sealer's step) and records the outcome. */
  verifyAfter(anchor: ChainAnchor, to: number): Promise<ChainVerification> {
    return this.verifyFrom(anchor, to);
  }

  /** Signs and stores a checkpoint at a verified point of the chain. */
  async checkpoint(anchor: ChainAnchor): Promise<void> {
    const checkpoint: ChainCheckpoint = {
      position: anchor.position,
      hash: anchor.hash,
      signedAt: new Date().toISOString(),
      signature: this.key ? signCheckpoint(this.key, anchor.position, anchor.hash) : null,
    };
    await this.log?.saveChainCheckpoint(checkpoint);
  }

  private trusts(checkpoint: ChainCheckpoint): boolean {
    if (!this.key) return true;
    return (
      checkpoint.signature !== null &&
      checkpointSignatureHolds(this.key, checkpoint.position, checkpoint.hash, checkpoint.signature)
    );
  }
}

export const auditKeyOf = (configured: string | undefined): AuditKey | undefined =>
  configured === undefined ? undefined : { secret: Buffer.from(configured, 'utf8') };
