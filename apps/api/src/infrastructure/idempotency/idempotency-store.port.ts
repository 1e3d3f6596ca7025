export type StoredResponse = Readonly<{
  status: number;
  body: unknown;
  headers: Readonly<Record<string, string>>;
}>;

export type IdempotentCall = Readonly<{
  /** The caller: keys of two callers never meet. */
  scope: string;
  key: string;
  /** Method, path and body: the same key with another request is refused. */
  fingerprint: string;
  now: Date;
}>;

export type Reservation =
  | Readonly<{
      outcome: 'reserved';
      /** When the key was first reserved: kept by every attempt, since the request's ids derive from it. */
      reservedAt: Date;
      /** Numbers the attempts of one reservation; only the latest may remember or release it. */
      attempt: number;
    }>
  | Readonly<{ outcome: 'replay'; response: StoredResponse }>
  | Readonly<{ outcome: 'in_progress'; retryAfterSeconds: number }>
  | Readonly<{ outcome: 'mismatch' }>;

export type IdempotencyPolicy = Readonly<{
  /** How long a key is remembered after its first reservation; a key reused later runs as new. */
  ttlMs: number;
  /**
   * How long an attempt holds its key. An attempt that neither answered nor failed by then is taken
   * to have died with its process, and the next retry takes the reservation over.
   */
  abandonAfterMs: number;
}>;

/**
 * Remembers the answer to each (caller, Idempotency-Key) so a retried POST gets the same answer and
 * appends nothing. A key is reserved before the command runs so that two concurrent retries cannot both
 * run; an attempt that died holding the key is taken over by exactly one later retry, which finds the
 * outcome in the event store (the key travels in the events' metadata) instead of deciding again.
 *
 * Rules every adapter keeps, whatever its database:
 * - reserve is atomic: of two concurrent calls for one key, at most one gets `reserved`;
 * - a key past its time to live is gone: reserving it again starts a new reservation, and expired keys
 *   are deleted as the store is used, so it does not grow for ever;
 * - a released reservation (the attempt failed) is taken over by the next call with the same request,
 *   or replaced by a call with another request.
 */
export interface IdempotencyStore {
  reserve(call: IdempotentCall): Promise<Reservation>;
  /** Records the answer of the attempt; ignored when a later attempt has taken the key over. */
  remember(scope: string, key: string, attempt: number, response: StoredResponse): Promise<void>;
  /** The attempt failed: a retry may run at once instead of waiting for the attempt to be abandoned. */
  release(scope: string, key: string, attempt: number): Promise<void>;
  /** Deletes keys past their time to live; returns how many. */
  purgeExpired(now: Date): Promise<number>;
  close(): Promise<void>;
}

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

/** The store cannot be opened, read or written now (answer 503; a retry may succeed). */
export class IdempotencyStoreUnavailableError extends Error {
  readonly code = 'IDEMPOTENCY.STORE_UNAVAILABLE';
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`Idempotency store unavailable: ${detail}`, options);
    this.name = new.target.name;
  }
}
