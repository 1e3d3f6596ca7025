import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { catchError, from, mergeMap, type Observable, of } from 'rxjs';
import { HttpProblem } from '../http/http-problem';
import { type HttpRequest } from '../http/http-types';
import { CLOCK, type Clock } from '../clock';
import { DerivedIds, freshIds } from '../ids';
import {
  IDEMPOTENCY_STORE,
  type IdempotencyStore,
  type IdempotentCall,
  type Reservation,
  type StoredResponse,
} from './idempotency-store.port';
import { identifyRequest } from './request-identity';
import { SHOWN_ONCE } from './shown-once';

type ReplyWithState = {
  statusCode: number;
  status(code: number): unknown;
  header(name: string, value: string): unknown;
  getHeader(name: string): unknown;
};

const REPLAYED_HEADERS = ['etag', 'location'];

/** A duplicate of a running request waits this long for its answer before being told to retry. */
const WAIT_FOR_RUNNING_MS = 2_000;
const POLL_MS = 50;
/** The running attempt usually answers well before its lease ends: ask for a retry soon. */
const MAX_RETRY_AFTER_SECONDS = 5;

/**
 * POSTs with an Idempotency-Key: same key and body give the same answer; same key, other body: 422.
 * Every attempt of one request derives the same ids and causation from (caller, key, reservation time),
 * so an attempt taking over from one that crashed finds and answers what the crashed one wrote.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const reply = context.switchToHttp().getResponse<ReplyWithState>();
    const rawKey = request.headers['idempotency-key'];
    const key = Array.isArray(rawKey) ? rawKey[0] : rawKey;
    if (request.method !== 'POST' || !key || !request.user) {
      identifyRequest(request, { ids: freshIds(this.clock) });
      return next.handle();
    }
    if (key.length > 200)
      throw new HttpProblem(
        400,
        'IDEMPOTENCY.KEY_TOO_LONG',
        'Invalid request',
        'Idempotency-Key has at most 200 characters',
      );

    const scope = request.user.id;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    return from(this.reserve({ scope, key, fingerprint, now: this.clock.now() })).pipe(
      mergeMap((reservation) => {
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
          case 'replay': {
            const { status, body, headers } = reservation.response;
            reply.status(status);
            for (const [name, value] of Object.entries(headers)) reply.header(name, value);
            reply.header('Idempotent-Replayed', 'true');
            return of(body);
          }
          case 'reserved': {
            const { reservedAt, attempt } = reservation;
            const ids = new DerivedIds({ caller: scope, key, reservedAt });
            identifyRequest(request, { ids, idempotency: { key, requestId: ids.requestId } });
            return next.handle().pipe(
              mergeMap(async (body: unknown) => {
                await this.remember(scope, key, attempt, this.answer(context, reply, body));
                return body;
              }),
              catchError(async (error: unknown) => {
                await this.release(scope, key, attempt);
                throw error;
              }),
            );
          }
        }
      }),
    );
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

  private answer(context: ExecutionContext, reply: ReplyWithState, body: unknown): StoredResponse {
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    // Nest applies @HttpCode (POST defaults to 201) only after interceptors, so read it the same way.
    const declared = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined;
    const status = declared ?? (reply.statusCode !== HttpStatus.OK ? reply.statusCode : HttpStatus.CREATED);
    const shownOnce = Reflect.getMetadata(SHOWN_ONCE, context.getHandler()) as string[] | undefined;
    return { status, body: withoutFields(body, shownOnce ?? []), headers };
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

const withoutFields = (body: unknown, fields: readonly string[]): unknown => {
  if (fields.length === 0 || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([name]) => !fields.includes(name)));
};
