import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type RecordedEvent } from '@ib/domain';
import { AuditChainMonitor } from '../../infrastructure/audit-chain/audit-chain-monitor';
import { type ChainAnchor, GENESIS_ANCHOR } from '../../infrastructure/audit-chain/chain-verification';
import { type ProcessManager } from '../../infrastructure/process-managers/process-manager';
import { ProcessManagerRunner } from '../../infrastructure/process-managers/process-manager-runner';

/** Its name in GET /api/projections and the key of its checkpoint. */
export const AUDIT_CHAIN_SEALER = 'audit-chain';

/**
 * How long after the first event not yet sealed the stretch is verified and signed: commands come one
 * by one, and sealing each would cost every command reads of the log; a second later, the whole
 * stretch is sealed at once. A deletion at the end of the log is noticed from the next seal on.
 */
const SEAL_DELAY_MS = 1_000;

/**
 * Follows the log and, a second after new events arrive, verifies the new stretch of the chain (on
 * KurrentDB, links it first), then signs a checkpoint of it with AUDIT_KEY: a later rewrite of
 * everything before that point, hashes included, no longer matches the signature. It runs under the
 * process managers' lease, on one instance. Its runner checkpoint only says which events it was
 * handed; what it verified is its signed checkpoints, from which it resumes. A broken chain is logged
 * and reported by /ready (AuditChainMonitor), and nothing after it is signed.
 */
@Injectable()
export class AuditChainSealer implements ProcessManager, OnModuleInit {
  readonly name = AUDIT_CHAIN_SEALER;
  readonly handles = 'all';
  readonly firstStart = 'beginning';
  private readonly logger = new Logger('AuditChain');
  private anchor: ChainAnchor = GENESIS_ANCHOR;
  /** The last position handed over and not sealed yet. */
  private pendingTo = 0;
  private timer?: NodeJS.Timeout;
  private sealing: Promise<void> = Promise.resolve();

  constructor(
    private readonly chain: AuditChainMonitor,
    private readonly processes: ProcessManagerRunner,
  ) {}

  onModuleInit(): void {
    if (this.chain.log) this.processes.register(this);
  }

  async resumeInFlight(): Promise<void> {
    this.anchor = await this.chain.trustedAnchor();
  }

  handle(events: readonly RecordedEvent[]): void {
    const to = events.at(-1)?.globalPosition;
    if (to === undefined || to <= Math.max(this.anchor.position, this.pendingTo)) return;
    this.pendingTo = to;
    this.timer ??= setTimeout(() => void this.seal(), SEAL_DELAY_MS);
  }

  async stop(): Promise<void> {
    await this.seal();
  }

  /** One seal at a time, of everything handed over until then; a failed one is tried at the next. */
  private seal(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.sealing = this.sealing
      .then(() => this.sealPending())
      .catch((error: unknown) => {
        this.logger.warn(
          `Sealing the audit chain failed, tried again with the next events: ${String(error)}`,
        );
      });
    return this.sealing;
  }

  private async sealPending(): Promise<void> {
    const to = this.pendingTo;
    if (to <= this.anchor.position || this.chain.brokenAt()) return;
    await this.chain.log?.extendChain?.(to);
    const verification = await this.chain.verifyAfter(this.anchor, to);
    if (!verification.ok) return;
    this.anchor = { position: verification.head, hash: verification.headHash };
    await this.chain.checkpoint(this.anchor);
  }
}
