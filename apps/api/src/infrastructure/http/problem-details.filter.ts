import { type ArgumentsHost, Catch, type ExceptionFilter, Inject, Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG } from '../../config/app-config.provider';
import { type AppConfig } from '../../config/app-config';
import { mapError } from './error-mapping';
import { type HttpReply, type HttpRequest } from './http-types';

/** The only translation of errors to HTTP: application/problem+json for every failure. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');
  private consoleIndex?: string | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<HttpReply>();
    const request = http.getRequest<HttpRequest>();
    const path = request.url?.split('?')[0] ?? '';
    const { problem, headers, unexpected } = mapError(error);
    if (problem.status === 404 && request.method === 'GET' && this.isConsoleRoute(path)) {
      const index = this.readConsoleIndex();
      if (index) {
        // The console routes on the client: any unknown page outside the API gets its shell.
        reply.header('Content-Type', 'text/html; charset=utf-8');
        reply.status(200).send(index);
        return;
      }
    }
    if (unexpected) {
      // Log the error class and stack only: request bodies may hold passwords.
      const err = error instanceof Error ? error : new Error(String(error));
      this.logger.error(`${request.method} ${path} failed: ${err.name}`, err.stack);
    }
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    reply.header('Content-Type', 'application/problem+json');
    reply.status(problem.status).send(JSON.stringify({ ...problem, instance: path }));
  }

  private isConsoleRoute(path: string) {
    return (
      !path.startsWith('/api') &&
      !path.startsWith('/health') &&
      !path.startsWith('/ready') &&
      !/\.[a-z0-9]+$/i.test(path)
    );
  }

  private readConsoleIndex(): string | null {
    if (this.consoleIndex === undefined) {
      try {
        this.consoleIndex = readFileSync(join(this.config.consoleDir, 'index.html'), 'utf8');
      } catch {
        this.consoleIndex = null;
      }
    }
    return this.consoleIndex;
  }
}
