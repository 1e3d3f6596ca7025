import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type HttpRequest } from '../../infrastructure/http/http-types';
import { Unauthenticated } from '../../infrastructure/access/access-errors';
import { HttpProblem } from '../../infrastructure/http/http-problem';
import { identityOf } from '../../infrastructure/idempotency/request-identity';
import { freshIds, type IdSource, uuidv7 } from '../../infrastructure/ids';
import { systemClock } from '../../infrastructure/clock';
import { type Actor, type AuthenticatedRequest, type AuthenticatedUser } from './authenticated-user';

export type RequestContext = Readonly<{
  user: AuthenticatedUser;
  actor: Actor;
  /** The key this request runs under, when it carries an Idempotency-Key the API honours (POST). */
  idempotencyKey?: string;
  ifMatch?: number;
  /**
   * Ids of what the request creates, asked for in a fixed order: with an Idempotency-Key every
   * attempt of the request gets the same ones, so a retry names the streams a crashed attempt wrote.
   */
  ids: IdSource;
  /**
   * The change request whose approval runs this command: it was asked for and approved already, so
   * four-eyes lets it through instead of asking again.
   */
  approvedChange?: string;
}>;

const header = (request: HttpRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** `If-Match: "3"` (or W/"3") names the stream version the client saw; `*` means any. */
export function parseIfMatch(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(-?\d+)"?$/.exec(raw.trim());
  // Malformed is a bad request (400); a well-formed version that is not the current one is 412.
  if (!match)
    throw new HttpProblem(
      400,
      'REQUEST.INVALID_IF_MATCH',
      'Invalid request',
      'If-Match must be an ETag returned by this API, such as "3"',
    );
  return Number(match[1]);
}

export const contextOf = (request: AuthenticatedRequest): RequestContext => {
  if (!request.user) throw Unauthenticated.bearerRequired();
  const correlationId = header(request, 'x-correlation-id')?.slice(0, 100) || uuidv7();
  request.requestId ??= uuidv7();
  const identity = identityOf(request);
  const idempotency = identity?.idempotency;
  return {
    user: request.user,
    actor: {
      userId: request.user.id,
      correlationId,
      causationId: idempotency?.requestId ?? request.requestId,
      ...(idempotency ? { idempotencyKey: idempotency.key } : {}),
    },
    idempotencyKey: idempotency?.key,
    ifMatch: parseIfMatch(header(request, 'if-match')),
    ids: identity?.ids ?? freshIds(systemClock),
  };
};

/** The caller, their correlation ids and preconditions, in one parameter. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext) =>
  contextOf(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);
