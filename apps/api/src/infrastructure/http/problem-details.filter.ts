import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { type MappedError, mapError } from './error-mapping';
import { type HttpReply, type HttpRequest } from './http-types';

const logger = new Logger('HTTP');

/** Writes a mapped error as application/problem+json; the filter and the not-found fallback share it. */
export function sendProblem(reply: HttpReply, { problem, headers }: MappedError, path: string): void {
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  reply.header('Content-Type', 'application/problem+json');
  reply.status(problem.status).send(JSON.stringify({ ...problem, instance: path }));
}

/**
 * Answers any error as problem details, logging the unexpected ones: what the filter does for Nest's
 * routes, and the data API's routes (registered with the HTTP adapter itself) do with their errors.
 */
export function answerWithProblem(error: unknown, request: HttpRequest, reply: HttpReply): void {
  const path = request.url?.split('?')[0] ?? '';
  const mapped = mapError(error);
  if (mapped.unexpected) {
    // Log the error class and stack only: request bodies may hold passwords.
    const err = error instanceof Error ? error : new Error(String(error));
    logger.error(`${request.method} ${path} failed: ${err.name}`, err.stack);
  }
  sendProblem(reply, mapped, path);
}

/** The only translation of errors to HTTP: application/problem+json for every failure. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    answerWithProblem(error, http.getRequest<HttpRequest>(), http.getResponse<HttpReply>());
  }
}
