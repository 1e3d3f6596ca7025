import { chainLink, type ChainPoint, GENESIS_HASH, GENESIS_POSITION } from './chain-link';
import { type ChainCheckpoint, type ChainedLog, type ChainRow } from './chain-row';
import { type AuditKey, checkpointSignatureHolds } from './checkpoint-signature';

/** What kind of change broke the chain; `reason` says it in words. */
export type MismatchKind =
  | 'edited'
  | 'deleted'
  | 'inserted'
  | 'reordered'
  | 'unhashed'
  | 'rewritten'
  | 'truncated'
  | 'forged-checkpoint';

export type ChainMismatch = Readonly<{ position: number; kind: MismatchKind; reason: string }>;

/** Where a verification starts: after a point of the chain known to be good (the genesis by default). */
export type ChainAnchor = ChainPoint;

export const GENESIS_ANCHOR: ChainAnchor = { position: GENESIS_POSITION, hash: GENESIS_HASH };

export type ChainVerification = Readonly<{
  ok: boolean;
  /** Events whose hash was recomputed. */
  checked: number;
  /** Position and hash of the last event checked (the anchor's when none was). */
  head: number;
  headHash: string;
  firstMismatch: ChainMismatch | null;
  /** Checkpoints checked against the events, and how many of them carried a signature that holds. */
  checkpoints: Readonly<{ checked: number; signed: number }>;
}>;

export type VerifyOptions = Readonly<{
  /** Signatures are checked with it; without it, checkpoints still pin hashes but prove nothing. */
  key?: AuditKey;
  from?: ChainAnchor;
  /** Stop after this position (the head when absent). */
  to?: number;
  batchSize?: number;
}>;

const DEFAULT_BATCH = 10_000;
const PAGES_AHEAD = 3;

/**
 * Recomputes the chain from an anchor to the head. Every event must name the event before it, carry
 * the hash of its own fields chained to that event's, and equal each checkpoint stored at its position;
 * each checkpoint must be signed with the key (when one is given) and lie within the log. Stops at the
 * first mismatch: everything after it is suspect anyway.
 */
export async function verifyChain(log: ChainedLog, options: VerifyOptions = {}): Promise<ChainVerification> {
  const from = options.from ?? GENESIS_ANCHOR;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const pending = (await log.chainCheckpoints()).filter((checkpoint) => checkpoint.position > from.position);
  const signed = options.key === undefined ? 0 : pending.filter(isSigned).length;
  const forged = options.key === undefined ? undefined : firstForged(pending, options.key);
  let previous: ChainAnchor = from;
  let checked = 0;
  let nextCheckpoint = 0;
  const result = (firstMismatch: ChainMismatch | null): ChainVerification => ({
    ok: firstMismatch === null,
    checked,
    head: previous.position,
    headHash: previous.hash,
    firstMismatch,
    checkpoints: { checked: nextCheckpoint, signed },
  });
  if (forged) return result(forgedCheckpoint(forged));

  // Pages are ranges of positions, so the next ones are read while this one is checked (a server
  // store answers meanwhile, on its own cores); holes in the positions only make a page shorter.
  const end = options.to ?? (await log.chainHead());
  let requested = previous.position;
  const inFlight: Promise<ChainRow[]>[] = [];
  const readAhead = () => {
    while (inFlight.length < PAGES_AHEAD && requested < end) {
      const upTo = Math.min(end, requested + batchSize);
      inFlight.push(log.readChain(requested, batchSize, upTo));
      requested = upTo;
    }
  };
  // Sparse positions: one page after the other, each after the last position read.
  const readNext = (rows: readonly ChainRow[]) => {
    const last = rows.at(-1)?.position ?? end;
    if (rows.length === batchSize && last < end) inFlight.push(log.readChain(last, batchSize, end));
  };
  try {
    if (log.sparsePositions) {
      if (requested < end) inFlight.push(log.readChain(requested, batchSize, end));
    } else readAhead();
    while (inFlight.length > 0) {
      const rows: ChainRow[] = await inFlight.shift()!;
      if (log.sparsePositions) readNext(rows);
      else readAhead();
      for (const row of rows) {
        const checkpoint = pending[nextCheckpoint];
        if (checkpoint && checkpoint.position < row.position) return result(missingAtCheckpoint(checkpoint));
        const mismatch = linkMismatch(row, previous);
        if (mismatch) return result(mismatch);
        if (checkpoint?.position === row.position) {
          if (checkpoint.hash !== row.hash) return result(rewritten(row.position));
          nextCheckpoint++;
        }
        previous = { position: row.position, hash: row.hash! };
        checked++;
      }
    }
  } finally {
    // Pages read ahead of a mismatch are not needed, and their failures are nobody's.
    for (const page of inFlight) page.catch(() => undefined);
  }
  const beyond = pending[nextCheckpoint];
  if (beyond && (options.to === undefined || beyond.position <= options.to))
    return result(truncated(beyond, previous));
  return result(null);
}

/** Why `row` does not follow `previous` in the chain, if it does not. */
function linkMismatch(row: ChainRow, previous: ChainAnchor): ChainMismatch | undefined {
  if (row.hash === null || row.previousPosition === null)
    return {
      position: row.position,
      kind: 'unhashed',
      reason: 'The event carries no chain hash: it was stored outside the event store (inserted by hand)',
    };
  if (row.previousPosition >= row.position)
    return {
      position: row.position,
      kind: 'reordered',
      reason: `The event at position ${row.position} was moved there: it was chained after position ${row.previousPosition}`,
    };
  if (row.previousPosition > previous.position)
    return {
      position: row.previousPosition,
      kind: 'deleted',
      reason: `The event at position ${row.previousPosition} is missing: the event at ${row.position} was chained after it`,
    };
  if (row.previousPosition < previous.position)
    return {
      position: previous.position,
      kind: 'inserted',
      reason: `The event at position ${previous.position} was not in the chain: the event at ${row.position} was chained after position ${row.previousPosition}`,
    };
  if (chainLink(previous.hash, previous.position, row.position, row.digest) !== row.hash)
    return {
      position: row.position,
      kind: 'edited',
      reason: 'The stored event differs from the one that was chained: it was edited or moved',
    };
  return undefined;
}

const isSigned = (checkpoint: ChainCheckpoint) => checkpoint.signature !== null;

/**
 * A signature that does not hold, or a missing one after the first signed checkpoint. Unsigned
 * checkpoints before it were made before AUDIT_KEY was configured: they pin hashes, not trust.
 */
function firstForged(checkpoints: readonly ChainCheckpoint[], key: AuditKey): ChainCheckpoint | undefined {
  let signedBefore = false;
  for (const checkpoint of checkpoints) {
    if (checkpoint.signature === null) {
      if (signedBefore) return checkpoint;
      continue;
    }
    if (!checkpointSignatureHolds(key, checkpoint.position, checkpoint.hash, checkpoint.signature))
      return checkpoint;
    signedBefore = true;
  }
  return undefined;
}

const forgedCheckpoint = (checkpoint: ChainCheckpoint): ChainMismatch => ({
  position: checkpoint.position,
  kind: 'forged-checkpoint',
  reason:
    checkpoint.signature === null
      ? 'The checkpoint is not signed although an earlier one is: it was written without AUDIT_KEY'
      : 'The checkpoint signature does not hold with AUDIT_KEY: it was forged, or the key changed',
});

const rewritten = (position: number): ChainMismatch => ({
  position,
  kind: 'rewritten',
  reason:
    'The chain is consistent but differs from the signed checkpoint at this position: the log before it was rewritten',
});

const missingAtCheckpoint = (checkpoint: ChainCheckpoint): ChainMismatch => ({
  position: checkpoint.position,
  kind: 'deleted',
  reason: 'The event at a signed checkpoint is missing',
});

const truncated = (checkpoint: ChainCheckpoint, last: ChainAnchor): ChainMismatch => ({
  position: checkpoint.position,
  kind: 'truncated',
  reason: `The log ends at position ${last.position}, before the signed checkpoint at ${checkpoint.position}: events were deleted from its end`,
});
