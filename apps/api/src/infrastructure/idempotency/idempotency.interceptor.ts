import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { createHash } from 'node:crypto';
import { catchError, type Observable, of, tap, throwError } from 'rxjs';
import { HttpProblem } from '../http/http-problem';
import { type HttpRequest } from '../http/http-types';
import { CLOCK, type Clock } from '../clock';
import { IdempotencyStore } from './idempotency-store';

type ReplyWithState = {
  statusCode: number;
  status(code: number): unknown;
  header(name: string, value: string): unknown;
  getHeader(name: string): unknown;
};

const REPLAYED_HEADERS = ['etag', 'location'];

/** POSTs with an Idempotency-Key: same key and body give the same answer; same key, other body: 422. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const reply = context.switchToHttp().getResponse<ReplyWithState>();
    const rawKey = request.headers['idempotency-key'];
    const key = Array.isArray(rawKey) ? rawKey[0] : rawKey;
    if (request.method !== 'POST' || !key || !request.user) return next.handle();
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
    const reservation = this.store.reserve(scope, key, fingerprint, this.clock.now());
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
        );
      case 'replay': {
        const { status, body, headers } = reservation.response;
        reply.status(status);
        for (const [name, value] of Object.entries(headers)) reply.header(name, value);
        reply.header('Idempotent-Replayed', 'true');
        return of(body);
      }
      case 'reserved':
        return next.handle().pipe(
          tap((body) => {
            const headers: Record<string, string> = {};
            for (const name of REPLAYED_HEADERS) {
              const value = reply.getHeader(name);
              if (typeof value === 'string') headers[name] = value;
            }
            // Nest applies @HttpCode (POST defaults to 201) only after interceptors, so read it the same way.
            const declared = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as
              number | undefined;
            const status =
              declared ?? (reply.statusCode !== HttpStatus.OK ? reply.statusCode : HttpStatus.CREATED);
            this.store.remember(scope, key, { status, body, headers });
          }),
          catchError((error: unknown) => {
            this.store.forget(scope, key);
            return throwError(() => error);
          }),
        );
    }
  }
}
