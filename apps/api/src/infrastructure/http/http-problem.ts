/** HTTP-level failures that are not domain rules (auth, preconditions, idempotency). */
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

  static unauthorized(detail = 'A valid bearer token is required') {
    return new HttpProblem(401, 'AUTH.UNAUTHENTICATED', 'Unauthenticated', detail, {
      'WWW-Authenticate': 'Bearer',
    });
  }

  static forbidden(detail: string, code = 'AUTH.FORBIDDEN') {
    return new HttpProblem(403, code, 'Forbidden', detail);
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

  static preconditionFailed(detail: string) {
    return new HttpProblem(412, 'PRECONDITION_FAILED', 'Precondition failed', detail);
  }

  static unavailable(code: string, detail: string, retryAfterSeconds = 5) {
    return new HttpProblem(503, code, 'Service unavailable', detail, {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}
