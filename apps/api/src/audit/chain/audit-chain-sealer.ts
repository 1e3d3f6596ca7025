import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type RecordedEvent } from '@ib/domain';
import { AuditChainMonitor } from '../../infrastructure/audit-chain/audit-chain-monitor';
import { type ChainAnchor, GENESIS_ANCHOR } from '../../infrastructure/audit-chain/chain-verification';
import { type ProcessManager } from '../../infrastructure/process-managers/process-manager';
import { ProcessManagerRunner } from '../../infrastructure/process-managers/process-manager-runner';

/** Its name in GET /api/projections and the key of its checkpoint. */
export const AUDIT_CHAIN_SEALER = 'audit-chain';

/**
 * A signed checkpoint after this many events, or this long after the first unsigned one: a deletion
 * at the end of the log is soon noticed, and a quiet log is signed up to its head.
 */
const CHECKPOINT_EVERY_EVENTS = 100;
const CHECKPOINT_DELAY_MS = 1_000;

/**
 * Follows the log and verifies each new stretch of the chain as it is written, then signs a checkpoint
 * of it (AUDIT_KEY): a later rewrite of everything before that point, hashes included, no longer
 * matches the signature. It runs under the process managers' lease, on one instance, from its own
 * checkpoint; a broken chain makes it fail and retry (shown in GET /api/projections and /ready) rather
 * than sign a chain it found altered.
 */
@Injectable()
export class AuditChainSealer implements ProcessManager, OnModuleInit {
  readonly name = AUDIT_CHAIN_SEALER;
  readonly handles = 'all';
  readonly firstStart = 'beginning';
  private anchor: ChainAnchor = GENESIS_ANCHOR;
  private unsigned = 0;
  private timer?: NodeJS.Timeout;
  private signing: Promise<void> = Promise.resolve();

  constructor(
    private readonly chain: AuditChainMonitor,
    private readonly processes: ProcessManagerRunner,
  ) {}

  onModuleInit(): void {
    if (this.chain.log) this.processes.register(this);
  }

  async resumeInFlight(): Promise<void> {
    this.anchor = await this.chain.trustedAnchor();
    this.unsigned = 0;
  }

  async handle(events: readonly RecordedEvent[]): Promise<void> {
    const to = events.at(-1)?.globalPosition;
    if (to === undefined || to <= this.anchor.position) return;
    await this.chain.log?.extendChain?.(to);
    const verification = await this.chain.verifyAfter(this.anchor, to);
    if (!verification.ok) {
      const mismatch = verification.firstMismatch!;
      throw new Error(`The audit chain is broken at position ${mismatch.position}: ${mismatch.reason}`);
    }
    this.anchor = { position: verification.head, hash: verification.headHash };
    this.unsigned += verification.checked;
    if (this.unsigned >= CHECKPOINT_EVERY_EVENTS) await this.sign();
    else this.timer ??= setTimeout(() => void this.sign().catch(() => undefined), CHECKPOINT_DELAY_MS);
  }

  async stop(): Promise<void> {
    await this.sign().catch(() => undefined);
  }

  /** One signature at a time, of the anchor as it is then; a failed one is retried by the next. */
  private sign(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.signing = this.signing
      .catch(() => undefined)
      .then(async () => {
        if (this.unsigned === 0) return;
        const anchor = this.anchor;
        const unsigned = this.unsigned;
        await this.chain.checkpoint(anchor);
        this.unsigned -= unsigned;
      });
    return this.signing;
  }
}
