import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { defer, lastValueFrom, map, type Observable } from 'rxjs';
import { type HttpRequest } from '../http/http-types';
import { CLOCK, type Clock } from '../clock';
import { freshIds } from '../ids';
import { type StoredResponse } from './idempotency-store.port';
import { IdempotentPosts } from './idempotent-posts';
import { identifyRequest } from './request-identity';
import { SHOWN_ONCE } from './shown-once';

type ReplyWithState = {
  statusCode: number;
  status(code: number): unknown;
  header(name: string, value: string): unknown;
  getHeader(name: string): unknown;
};

const REPLAYED_HEADERS = ['etag', 'location'];

/** Nest's routes under IdempotentPosts: a POST with an Idempotency-Key runs once, its repeats get its answer. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly posts: IdempotentPosts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const reply = context.switchToHttp().getResponse<ReplyWithState>();
    const key = this.posts.keyOf(request);
    if (key === undefined) {
      identifyRequest(request, { ids: freshIds(this.clock) });
      return next.handle();
    }
    return defer(() =>
      this.posts.run(
        request,
        key,
        (identity) => {
          identifyRequest(request, identity);
          return lastValueFrom(next.handle());
        },
        (body) => this.answer(context, reply, body),
      ),
    ).pipe(
      map((outcome) => {
        if (!outcome.replayed) return outcome.result;
        const { status, body, headers } = outcome.response;
        reply.status(status);
        for (const [name, value] of Object.entries(headers)) reply.header(name, value);
        reply.header('Idempotent-Replayed', 'true');
        return body;
      }),
    );
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
}

const withoutFields = (body: unknown, fields: readonly string[]): unknown => {
  if (fields.length === 0 || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([name]) => !fields.includes(name)));
};
