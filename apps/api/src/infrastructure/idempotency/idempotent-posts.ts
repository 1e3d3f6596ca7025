import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpProblem } from '../http/http-problem';
import { type HttpRequest } from '../http/http-types';
import { CLOCK, type Clock } from '../clock';
import { DerivedIds } from '../ids';
import {
  IDEMPOTENCY_STORE,
  type IdempotencyStore,
  type IdempotentCall,
  type Reservation,
  type StoredResponse,
} from './idempotency-store.port';
import { type RequestIdentity } from './request-identity';

/** A duplicate of a running request waits this long for its answer before being told to retry. */
const WAIT_FOR_RUNNING_MS = 2_000;
const POLL_MS = 50;
/** The running attempt usually answers well before its lease ends: ask for a retry soon. */
const MAX_RETRY_AFTER_SECONDS = 5;
const MAX_KEY_LENGTH = 200;

/** A POST run under its key (its result), or the answer an earlier attempt gave to be given again. */
export type IdempotentOutcome<T> =
  Readonly<{ replayed: false; result: T }> | Readonly<{ replayed: true; response: StoredResponse }>;

/**
 * POSTs with an Idempotency-Key: same key and body give the same answer; same key, other body: 422.
 * Every attempt of one request derives the same ids and causation from (caller, key, reservation time),
 * so an attempt taking over from one that crashed finds and answers what the crashed one wrote. Used
 * by the interceptor in front of Nest's routes and by the data API's routes.
 */
@Injectable()
export class IdempotentPosts {
  private readonly logger = new Logger('Idempotency');

  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The Idempotency-Key the request runs under: only a POST of an authenticated caller has one. */
  keyOf(request: HttpRequest): string | undefined {
    const raw = request.headers['idempotency-key'];
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (request.method !== 'POST' || !key || !request.user) return undefined;
    if (key.length > MAX_KEY_LENGTH)
      throw new HttpProblem(
        400,
        'IDEMPOTENCY.KEY_TOO_LONG',
        'Invalid request',
        `Idempotency-Key has at most ${MAX_KEY_LENGTH} characters`,
      );
    return key;
  }

  /**
   * Runs `attempt` unless an earlier attempt of the same request answered (its answer is replayed);
   * `answerOf` is what a repeat will be answered. An attempt that fails releases the key.
   */
  async run<T>(
    request: HttpRequest,
    key: string,
    attempt: (identity: RequestIdentity) => Promise<T>,
    answerOf: (result: T) => StoredResponse,
  ): Promise<IdempotentOutcome<T>> {
    const scope = request.user!.id;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const reservation = await this.reserve({ scope, key, fingerprint, now: this.clock.now() });
    switch (reservation.outcome) {
      case 'mismatch':
        throw new HttpProblem(
          422,
          'IDEMPOTENCY.KEY_REUSED',
          'Idempotency key reused',
          'This Idempotency-Key was used with another request body',
        );
      case 'in_progress':
        throw new HttpProblem(
          409,
          'IDEMPOTENCY.IN_PROGRESS',
          'Request in progress',
          'A request with this Idempotency-Key is still running; retry later',
          { 'Retry-After': String(Math.min(reservation.retryAfterSeconds, MAX_RETRY_AFTER_SECONDS)) },
        );
      case 'replay':
        return { replayed: true, response: reservation.response };
      case 'reserved': {
        const { reservedAt, attempt: number } = reservation;
        const ids = new DerivedIds({ caller: scope, key, reservedAt });
        let result: T;
        let answer: StoredResponse;
        try {
          result = await attempt({ ids, idempotency: { key, requestId: ids.requestId } });
          answer = answerOf(result);
        } catch (error) {
          await this.release(scope, key, number);
          throw error;
        }
        await this.remember(scope, key, number, answer);
        return { replayed: false, result };
      }
    }
  }

  /** Reserves the key; while another attempt of the request runs, waits a little for its answer. */
  private async reserve(call: IdempotentCall): Promise<Reservation> {
    const waitUntil = Date.now() + WAIT_FOR_RUNNING_MS;
    for (;;) {
      const reservation = await this.store.reserve({ ...call, now: this.clock.now() }).catch((error) => {
        this.logger.warn(`Cannot reserve an Idempotency-Key: ${String(error)}`);
        throw HttpProblem.unavailable(
          'IDEMPOTENCY.STORE_UNAVAILABLE',
          'The Idempotency-Key cannot be checked now; nothing was changed. Retry later.',
        );
      });
      if (reservation.outcome !== 'in_progress' || Date.now() >= waitUntil) return reservation;
      await sleep(POLL_MS);
    }
  }

  /** The answer is given even when it cannot be stored: a retry then finds the outcome in the event store. */
  private async remember(scope: string, key: string, attempt: number, response: StoredResponse) {
    try {
      await this.store.remember(scope, key, attempt, response);
    } catch (error) {
      this.logger.warn(`Cannot remember the answer to an Idempotency-Key: ${String(error)}`);
    }
  }

  /** A key left reserved is taken over once abandoned: the command's own error is the one to answer. */
  private async release(scope: string, key: string, attempt: number) {
    try {
      await this.store.release(scope, key, attempt);
    } catch (error) {
      this.logger.warn(`Cannot release an Idempotency-Key: ${String(error)}`);
    }
  }
}
