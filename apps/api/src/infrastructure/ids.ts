import { createHash, randomFillSync } from 'node:crypto';
import { type Clock } from './clock';

// Random bytes are drawn in blocks: one system call per 256 ids instead of one per id.
const POOL_SIZE = 16 * 256;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let offset = POOL_SIZE;

/** RFC 9562 UUIDv7: time-ordered, so event ids sort by creation and index well. */
export function uuidv7(now: number = Date.now()): string {
  if (offset + 16 > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + 16));
  offset += 16;
  return formatUuidv7(bytes, now);
}

/** Writes the millisecond time, version and variant over 16 bytes whose other bits are kept. */
function formatUuidv7(bytes: Buffer, now: number): string {
  const ms = BigInt(now);
  bytes[0] = Number((ms >> 40n) & 0xffn);
  bytes[1] = Number((ms >> 32n) & 0xffn);
  bytes[2] = Number((ms >> 24n) & 0xffn);
  bytes[3] = Number((ms >> 16n) & 0xffn);
  bytes[4] = Number((ms >> 8n) & 0xffn);
  bytes[5] = Number(ms & 0xffn);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Where a request gets the ids of the things it creates, in the order it asks for them. */
export interface IdSource {
  next(): string;
}

export const freshIds = (clock: Clock): IdSource => ({ next: () => uuidv7(clock.now().getTime()) });

export type IdempotentRequest = Readonly<{
  /** Who calls: the same key from two callers is two requests. */
  caller: string;
  key: string;
  /** When the key was first reserved; kept when a retry takes the reservation over. */
  reservedAt: Date;
}>;

/**
 * Ids of a request with an Idempotency-Key: the n-th id is the same on every attempt of the request, so a
 * retry after a crash names the streams the crashed attempt may have written. UUIDv7 with the reservation's
 * time, the other 74 bits from a hash of (caller, key, reservation time, n): the caller is part of the
 * input, so nobody can aim an id at another caller's request. Used for resource ids only, never secrets.
 */
export class DerivedIds implements IdSource {
  private count = 0;

  constructor(private readonly request: IdempotentRequest) {}

  /** Identifies the request itself (the causation of its events), distinct from every id `next` gives. */
  get requestId(): string {
    return this.derive('request');
  }

  next(): string {
    return this.derive(this.count++);
  }

  private derive(nth: number | 'request'): string {
    const { caller, key, reservedAt } = this.request;
    const digest = createHash('sha256')
      .update(JSON.stringify([caller, key, reservedAt.toISOString(), nth]))
      .digest();
    return formatUuidv7(digest.subarray(0, 16), reservedAt.getTime());
  }
}
