import { type IncomingMessage, type ServerResponse } from 'node:http';

/** Node's own request and response under either HTTP adapter. */
export type RawExchange = Readonly<{ request: IncomingMessage; response: ServerResponse }>;

type FastifyRequestLike = Readonly<{ raw: IncomingMessage }>;
type FastifyReplyLike = Readonly<{ raw: ServerResponse; hijack: () => unknown }>;

const isFastifyReply = (reply: unknown): reply is FastifyReplyLike =>
  typeof reply === 'object' &&
  reply !== null &&
  'raw' in reply &&
  typeof (reply as { hijack?: unknown }).hijack === 'function';

/**
 * Takes the response away from the framework, for an answer that never ends: Fastify wraps node's
 * objects and must be told (hijack) not to answer itself; Express's request and response are node's.
 * Headers already set on the raw response (the security headers of both adapters) are kept.
 */
export function takeOver(request: unknown, reply: unknown): RawExchange {
  if (isFastifyReply(reply)) {
    reply.hijack();
    return { request: (request as FastifyRequestLike).raw, response: reply.raw };
  }
  return { request: request as IncomingMessage, response: reply as ServerResponse };
}
