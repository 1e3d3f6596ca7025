import { HttpException } from '@nestjs/common';
import {
  ConnectorError,
  type ConnectorErrorCode,
  DataConstraintError,
  DataValidationError,
} from '@ib/connectors';
import { DomainError, type DomainErrorKind, StaleVersionError } from '@ib/domain';
import { TooManyAttempts, Unauthenticated } from '../access/access-errors';
import { ViewsBehindError } from '../consistency/views-behind.error';
import { HttpProblem } from './http-problem';
import { problem, type ProblemDetails } from './problem-details';

export type MappedError = Readonly<{
  problem: ProblemDetails;
  headers: Readonly<Record<string, string>>;
  unexpected: boolean;
}>;

const DOMAIN_STATUS: Record<DomainErrorKind, [number, string]> = {
  validation: [400, 'Invalid request'],
  not_found: [404, 'Not found'],
  illegal_state: [409, 'Conflict with the current state'],
  concurrency: [409, 'Concurrent modification'],
  forbidden: [403, 'Forbidden'],
};

const CONNECTOR_STATUS: Record<ConnectorErrorCode, number> = {
  'CONNECTOR.AUTH_FAILED': 422,
  'CONNECTOR.UNREACHABLE': 503,
  'CONNECTOR.TIMEOUT': 503,
  'CONNECTOR.DATABASE_NOT_FOUND': 404,
  'CONNECTOR.TABLE_NOT_FOUND': 404,
  'CONNECTOR.PERMISSION_DENIED': 403,
  'CONNECTOR.PATH_NOT_ALLOWED': 400,
  'CONNECTOR.INVALID_OPTIONS': 400,
  'CONNECTOR.UNSUPPORTED_PROVIDER': 501,
};

/** Infrastructure faults whose retry may succeed; each adapter names its own class. */
const UNAVAILABLE_ERROR_NAMES = new Set([
  'EventStoreUnavailableError',
  'SecretStoreUnavailableError',
  'CredentialStoreUnavailableError',
  'PackageStoreUnavailableError',
  'ReadModelUnavailableError',
  'StreamTicketsUnavailableError',
]);

const HTTP_CODES: Record<number, string> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'ROUTE.NOT_FOUND',
  405: 'ROUTE.METHOD_NOT_ALLOWED',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
};

/** One place that turns any thrown error into a problem-details answer; never leaks internals. */
export function mapError(error: unknown): MappedError {
  if (error instanceof DomainError) {
    // A stale If-Match is the caller's precondition failing, not a race they could not see coming.
    const [status, title] =
      error instanceof StaleVersionError ? [412, 'Precondition failed'] : DOMAIN_STATUS[error.kind];
    return {
      // Extensions never replace the standard members: they come first.
      problem: {
        ...error.extensions,
        ...problem(status, error.code, title, error.message, error.fieldErrors),
      },
      headers: {},
      unexpected: false,
    };
  }
  if (error instanceof Unauthenticated) {
    return {
      problem: problem(401, error.code, 'Unauthenticated', error.message),
      headers: { 'WWW-Authenticate': error.challenge },
      unexpected: false,
    };
  }
  if (error instanceof TooManyAttempts) {
    return {
      problem: problem(429, error.code, 'Too many attempts', error.message),
      headers: { 'Retry-After': String(error.retryAfterSeconds) },
      unexpected: false,
    };
  }
  if (error instanceof ViewsBehindError) {
    return {
      problem: problem(503, error.code, 'Service unavailable', error.message),
      headers: { 'Retry-After': '1' },
      unexpected: false,
    };
  }
  if (error instanceof HttpProblem) {
    return {
      problem: problem(error.status, error.code, error.title, error.message),
      headers: error.headers,
      unexpected: false,
    };
  }
  if (error instanceof DataValidationError) {
    const status = error.code === 'DATA.READ_ONLY' ? 409 : 400;
    return {
      problem: problem(status, error.code, 'Invalid data', error.message, error.fieldErrors),
      headers: {},
      unexpected: false,
    };
  }
  if (error instanceof DataConstraintError) {
    // The request was well formed; the rows in the database refuse it (a duplicate, a reference).
    return {
      problem: problem(409, error.code, 'Conflict with the data', error.message, error.fieldErrors),
      headers: {},
      unexpected: false,
    };
  }
  if (error instanceof ConnectorError) {
    const status = error.transient ? 503 : CONNECTOR_STATUS[error.code];
    const headers: Record<string, string> = status === 503 ? { 'Retry-After': '5' } : {};
    return {
      problem: problem(status, error.code, 'Database connection problem', error.message),
      headers,
      unexpected: false,
    };
  }
  if (error instanceof Error && UNAVAILABLE_ERROR_NAMES.has(error.name)) {
    return {
      problem: problem(
        503,
        'STORAGE.UNAVAILABLE',
        'Service unavailable',
        'Storage is unavailable; nothing was changed. Retry later.',
      ),
      headers: { 'Retry-After': '5' },
      unexpected: false,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = HTTP_CODES[status] ?? `HTTP.${status}`;
    const detail = status === 404 ? 'No such route' : error.message;
    return {
      problem: problem(status, code, httpTitle(status), detail),
      headers: {},
      unexpected: status >= 500,
    };
  }
  if (isFastifyClientError(error)) {
    const code = HTTP_CODES[error.statusCode] ?? `HTTP.${error.statusCode}`;
    return {
      problem: problem(error.statusCode, code, httpTitle(error.statusCode), 'The request could not be read'),
      headers: {},
      unexpected: false,
    };
  }
  return {
    problem: problem(500, 'INTERNAL', 'Internal error', 'An unexpected error occurred; it was logged.'),
    headers: {},
    unexpected: true,
  };
}

const isFastifyClientError = (error: unknown): error is { statusCode: number } =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as { statusCode?: unknown }).statusCode === 'number' &&
  (error as { statusCode: number }).statusCode >= 400 &&
  (error as { statusCode: number }).statusCode < 500;

const httpTitle = (status: number) =>
  ({
    400: 'Invalid request',
    401: 'Unauthenticated',
    403: 'Forbidden',
    404: 'Not found',
    405: 'Method not allowed',
  })[status] ?? 'Request failed';
