import { type IdempotencyPolicy, type IdempotentCall, type Reservation } from './idempotency-store.port';

/** A key's row as every adapter stores it; times the store compares are epoch milliseconds. */
export type KeyRow = Readonly<{
  fingerprint: string;
  status: number | null;
  body: string | null;
  headers: string | null;
  /** ISO text: the request's ids derive from it, so it is kept exactly as first written. */
  created_at: string;
  attempt: number;
  lease_until: number;
  released: number;
  expires_at: number;
}>;

/**
 * What `reserve` does with the key's row. Writes are compare-and-set on the attempt number, so of
 * two callers acting on one row only one succeeds; the other answers `otherwise`.
 */
export type ReservationStep =
  | Readonly<{ kind: 'answer'; reservation: Reservation }>
  | Readonly<{ kind: 'insert'; lease: number; expiresAt: number; reservation: Reservation }>
  | Readonly<{
      kind: 'restart';
      attempt: number;
      lease: number;
      expiresAt: number;
      reservation: Reservation;
      otherwise: Reservation;
    }>
  | Readonly<{
      kind: 'takeOver';
      attempt: number;
      lease: number;
      reservation: Reservation;
      otherwise: Reservation;
    }>;

/**
 * The rules of the port (see IdempotencyStore) as one pure decision, shared by the adapters so they
 * cannot drift. `row` is the key's live row: undefined when there is none or it expired.
 */
export function planReservation(
  row: KeyRow | undefined,
  { fingerprint, now }: IdempotentCall,
  policy: IdempotencyPolicy,
): ReservationStep {
  const at = now.getTime();
  const lease = at + policy.abandonAfterMs;
  if (!row)
    return {
      kind: 'insert',
      lease,
      expiresAt: at + policy.ttlMs,
      reservation: { outcome: 'reserved', reservedAt: now, attempt: 1 },
    };
  if (row.status !== null) {
    if (row.fingerprint !== fingerprint) return answer({ outcome: 'mismatch' });
    return answer({
      outcome: 'replay',
      response: {
        status: row.status,
        body: row.body === null ? undefined : JSON.parse(row.body),
        headers: JSON.parse(row.headers ?? '{}') as Record<string, string>,
      },
    });
  }
  if (row.fingerprint !== fingerprint) {
    // A failed attempt may have done part of its work, but another request is another command: it starts afresh.
    if (row.released !== 1) return answer({ outcome: 'mismatch' });
    return {
      kind: 'restart',
      attempt: row.attempt,
      lease,
      expiresAt: at + policy.ttlMs,
      reservation: { outcome: 'reserved', reservedAt: now, attempt: row.attempt + 1 },
      otherwise: inProgress(row, at),
    };
  }
  if (row.released !== 1 && row.lease_until > at) return answer(inProgress(row, at));
  // Of two retries taking over one abandoned attempt, the compare-and-set lets one win.
  return {
    kind: 'takeOver',
    attempt: row.attempt,
    lease,
    reservation: { outcome: 'reserved', reservedAt: new Date(row.created_at), attempt: row.attempt + 1 },
    otherwise: inProgress(row, at),
  };
}

const answer = (reservation: Reservation): ReservationStep => ({ kind: 'answer', reservation });

const inProgress = (row: KeyRow, at: number): Reservation => ({
  outcome: 'in_progress',
  retryAfterSeconds: Math.max(1, Math.ceil((row.lease_until - at) / 1000)),
});

/**
 * Calls that reserve delete expired keys on the way, one bounded batch per call so that no caller waits
 * for a long backlog; once a batch comes back short, the next round is due a minute later.
 */
export const PURGE_INTERVAL_MS = 60_000;
export const PURGE_BATCH = 1_000;
