/**
 * A stored event as the chain's verifier reads it: its position, the position it names as the one
 * before it, its stored hash (null when it was written without one), and the digest of its fields as
 * they are stored now (see chain-link.ts), computed by the store that read them.
 */
export type ChainRow = Readonly<{
  position: number;
  previousPosition: number | null;
  hash: string | null;
  digest: string;
}>;

/** A point of the chain an instance verified: the hash of the event at `position`, signed with AUDIT_KEY. */
export type ChainCheckpoint = Readonly<{
  position: number;
  hash: string;
  signedAt: string;
  /** HMAC-SHA-256 over position and hash; null when no AUDIT_KEY was configured. */
  signature: string | null;
}>;

/** What an event store that keeps the chain offers its verifier. */
export interface ChainedLog {
  /** Events after `afterPosition` (up to `upTo` when given), in log order, at most `limit` of them. */
  readChain(afterPosition: number, limit: number, upTo?: number): Promise<ChainRow[]>;
  /**
   * Positions far apart (KurrentDB's are log offsets): pages are then read one after the other,
   * each after the last position read, instead of as ranges of positions read ahead.
   */
  readonly sparsePositions?: boolean;
  /** Position of the last chained event (0 when none): verification goes up to it. */
  chainHead(): Promise<number>;
  /**
   * For a store that chains after the fact (KurrentDB): links the events stored since the last link,
   * up to `upTo`. The SQL stores chain each event as it is appended and have nothing to do.
   */
  extendChain?(upTo: number): Promise<void>;
  /** Every stored checkpoint, by position. */
  chainCheckpoints(): Promise<ChainCheckpoint[]>;
  /** Stores a checkpoint; one already stored at that position is kept. */
  saveChainCheckpoint(checkpoint: ChainCheckpoint): Promise<void>;
}

export const isChainedLog = (store: object): store is ChainedLog & object =>
  typeof (store as Partial<ChainedLog>).readChain === 'function' &&
  typeof (store as Partial<ChainedLog>).chainCheckpoints === 'function';
