import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type HttpRequest } from '../infrastructure/http/http-types';
import { HttpProblem } from '../infrastructure/http/http-problem';
import { uuidv7 } from '../infrastructure/ids';
import { type Actor, type AuthenticatedUser } from './authenticated-user';

export type RequestContext = Readonly<{
  user: AuthenticatedUser;
  actor: Actor;
  idempotencyKey?: string;
  ifMatch?: number;
}>;

const header = (request: HttpRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** `If-Match: "3"` (or W/"3") names the stream version the client saw; `*` means any. */
export function parseIfMatch(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(-?\d+)"?$/.exec(raw.trim());
  if (!match)
    throw HttpProblem.preconditionFailed('If-Match must be an ETag returned by this API, such as "3"');
  return Number(match[1]);
}

export const contextOf = (request: HttpRequest): RequestContext => {
  if (!request.user) throw HttpProblem.unauthorized();
  const correlationId = header(request, 'x-correlation-id')?.slice(0, 100) || uuidv7();
  request.requestId ??= uuidv7();
  return {
    user: request.user,
    actor: { userId: request.user.id, correlationId, causationId: request.requestId },
    idempotencyKey: header(request, 'idempotency-key'),
    ifMatch: parseIfMatch(header(request, 'if-match')),
  };
};

/** The caller, their correlation ids and preconditions, in one parameter. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext) =>
  contextOf(context.switchToHttp().getRequest<HttpRequest>()),
);
