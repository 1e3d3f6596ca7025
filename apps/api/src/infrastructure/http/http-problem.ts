/**
 * Failures of the HTTP exchange itself (an unreadable body, a route, the Idempotency-Key), raised by
 * the HTTP layer only: handlers and what they use throw domain errors or the access errors instead.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }

  static badRequest(code: string, detail: string) {
    return new HttpProblem(400, code, 'Invalid request', detail);
  }

  static methodNotAllowed(allowed: readonly string[]) {
    return new HttpProblem(
      405,
      'ROUTE.METHOD_NOT_ALLOWED',
      'Method not allowed',
      `This route answers ${allowed.join(', ')}`,
      { Allow: allowed.join(', ') },
    );
  }

  static unsupportedMediaType(detail: string) {
    return new HttpProblem(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', detail);
  }

  static unavailable(code: string, detail: string, retryAfterSeconds = 5) {
    return new HttpProblem(503, code, 'Service unavailable', detail, {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}
