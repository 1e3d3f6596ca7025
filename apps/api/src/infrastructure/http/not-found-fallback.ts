import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapError } from './error-mapping';
import { HttpProblem } from './http-problem';
import { type HttpReply } from './http-types';
import { sendProblem } from './problem-details.filter';
import { type RouteTable } from './route-table';

/** `/api` and everything below it, and the probes; every other path belongs to the console. */
export const isApiPath = (path: string): boolean =>
  ['/api', '/health', '/ready'].some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/** A path that names a file (`/assets/x.js`) is a missing asset, never a console page. */
const looksLikeFile = (path: string) => /\.[a-z0-9]+$/i.test(path);

type FallbackRequest = Readonly<{ method: string; url: string; originalUrl?: string }>;
/** An adapter's not-found handler: `(request, reply)` under Fastify, `(request, response, next)` under Express. */
export type NotFoundHandler = (request: never, reply: never, next: never) => unknown;

/**
 * What the router could not match, before it becomes a 404: a console page (the console routes on
 * the client, so a reload or bookmark of `/api-keys` gets its shell), or a known API path asked
 * with another method (405 with `Allow`). Runs outside the exception filter: neither is an error.
 */
export class NotFoundFallback {
  private consoleIndex?: string;

  constructor(
    private readonly routes: RouteTable,
    private readonly consoleDir: string,
  ) {}

  /** Wraps the adapter's not-found handler: whatever this fallback does not answer goes on to it. */
  wrap(handler: NotFoundHandler): NotFoundHandler {
    return (request, reply, next) =>
      this.answer(request as FallbackRequest, reply as HttpReply) ? undefined : handler(request, reply, next);
  }

  private answer(request: FallbackRequest, reply: HttpReply): boolean {
    const path = (request.originalUrl ?? request.url).split('?')[0];
    if (isApiPath(path)) {
      const allowed = this.routes.allowedMethods(path);
      if (allowed.length === 0) return false;
      sendProblem(reply, mapError(HttpProblem.methodNotAllowed(allowed)), path);
      return true;
    }
    if ((request.method !== 'GET' && request.method !== 'HEAD') || looksLikeFile(path)) return false;
    const index = this.readConsoleIndex();
    if (index === undefined) return false;
    reply.header('Content-Type', 'text/html; charset=utf-8');
    // The shell names the hashed assets of one build: revalidate it so a new build is picked up.
    reply.header('Cache-Control', 'no-cache');
    reply.status(200).send(index);
    return true;
  }

  private readConsoleIndex(): string | undefined {
    if (this.consoleIndex === undefined) {
      try {
        this.consoleIndex = readFileSync(join(this.consoleDir, 'index.html'), 'utf8');
      } catch {
        return undefined;
      }
    }
    return this.consoleIndex;
  }
}
