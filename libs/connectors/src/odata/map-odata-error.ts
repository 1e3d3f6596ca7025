import { ConnectorError, DataConstraintError, DataValidationError } from '../spi';

/** What a request was for: the mapping of a 404 or a 409 depends on it. */
export type ODataRequestKind = 'metadata' | 'collection' | 'entity' | 'create' | 'change' | 'token';

const MAX_MESSAGE = 300;

/**
 * The service's own message in an OData error body: v4 `{ error: { message } }`, v2
 * `{ error: { message: { value } } }`; XML and other bodies give none.
 */
export function odataErrorMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    const message = parsed.error?.message;
    const text =
      typeof message === 'string'
        ? message
        : typeof message === 'object' &&
            message !== null &&
            typeof (message as { value?: unknown }).value === 'string'
          ? (message as { value: string }).value
          : undefined;
    return text === undefined ? undefined : text.slice(0, MAX_MESSAGE);
  } catch {
    return /<message[^>]*>([^<]{1,300})<\/message>/.exec(body)?.[1];
  }
}

/** The service's error code (`SQLITE_CONSTRAINT_PRIMARYKEY`, `0x80040237`), which never quotes a value. */
export function odataErrorCode(body: string): string | undefined {
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' || typeof code === 'number' ? String(code) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Constraint codes some services answer with whatever status (CAP on SQLite answers a duplicate key
 * with 500 SQLITE_CONSTRAINT_PRIMARYKEY; Dataverse with 412 0x80040237): a conflict with the data.
 */
function constraintOf(code: string | undefined): DataConstraintError | undefined {
  if (code === undefined) return undefined;
  if (/PRIMARYKEY|UNIQUE|ALREADY_EXISTS|DUPLICATE|^0x80040237$|^0x80060892$/i.test(code)) {
    return new DataConstraintError('DATA.DUPLICATE_KEY');
  }
  if (/FOREIGNKEY|REFERENCE/i.test(code)) return new DataConstraintError('DATA.FOREIGN_KEY_VIOLATION');
  if (/NOTNULL/i.test(code)) return new DataConstraintError('DATA.NOT_NULL_VIOLATION');
  if (/CONSTRAINT/i.test(code)) return new DataConstraintError('DATA.CONSTRAINT_VIOLATION');
  return undefined;
}

/**
 * An OData error answer as the connector's errors: 401 AUTH_FAILED, 403 PERMISSION_DENIED, 404 of an
 * entity set TABLE_NOT_FOUND (of the service itself DATABASE_NOT_FOUND), 400 and 422 a bad request
 * (DATA.INVALID, with the service's message), 405 a read-only entity set, 409 a duplicate key on create
 * and a conflict otherwise, 412 an ETag that no longer matches (DATA.ROW_CHANGED: the row changed since
 * its ETag was read), 428 an ETag the service wants and did not get; 408, 429 and 5xx transient faults.
 * `service` names the service by its address without credentials; no secret is ever in a message.
 */
export function mapODataError(
  status: number,
  body: string,
  kind: ODataRequestKind,
  service: string,
  entitySet?: string,
): Error {
  if (kind === 'create' || kind === 'change') {
    const constraint = constraintOf(odataErrorCode(body));
    if (constraint !== undefined) return constraint;
  }
  const said = odataErrorMessage(body);
  const saying = said === undefined ? '' : `: ${said}`;
  const where = entitySet ?? 'the service';
  switch (status) {
    case 401:
      return new ConnectorError(
        'CONNECTOR.AUTH_FAILED',
        kind === 'token'
          ? `The token endpoint of ${service} refused the client credentials`
          : `The OData service ${service} refused the credentials (401)`,
      );
    case 403:
      return new ConnectorError(
        'CONNECTOR.PERMISSION_DENIED',
        `The OData service ${service} denied access to ${where} (403)${saying}`,
      );
    case 404:
      return kind === 'metadata' || kind === 'token'
        ? new ConnectorError('CONNECTOR.DATABASE_NOT_FOUND', `No OData service answers at ${service} (404)`)
        : new ConnectorError(
            'CONNECTOR.TABLE_NOT_FOUND',
            `The OData service ${service} has no entity set ${where} (404)`,
          );
    case 405:
      return new DataValidationError(
        `${where} does not allow this change: its rows are read-only`,
        [{ field: where, message: 'the service does not allow this change' }],
        'DATA.READ_ONLY',
      );
    case 409:
      return kind === 'create'
        ? new DataConstraintError('DATA.DUPLICATE_KEY')
        : new DataConstraintError('DATA.CONSTRAINT_VIOLATION');
    case 412:
      return new DataConstraintError('DATA.ROW_CHANGED');
    case 428:
      return new DataConstraintError('DATA.CONSTRAINT_VIOLATION', { constraint: 'ETag' });
    case 408:
    case 504:
      return new ConnectorError(
        'CONNECTOR.TIMEOUT',
        `The OData service ${service} did not answer in time (${status})`,
        true,
      );
    case 400:
    case 422:
      if (kind === 'token')
        return new ConnectorError(
          'CONNECTOR.AUTH_FAILED',
          `The token endpoint of ${service} refused the request (${status})`,
        );
      if (kind === 'metadata')
        return new ConnectorError(
          'CONNECTOR.INVALID_OPTIONS',
          `The OData service ${service} refused to describe itself (${status})${saying}`,
        );
      return new DataValidationError(`The OData service refused the request for ${where}${saying}`, [
        { field: where, message: said ?? `the service refused the request (${status})` },
      ]);
    default:
      if (status === 429 || status >= 500) {
        return new ConnectorError(
          'CONNECTOR.UNREACHABLE',
          `The OData service ${service} is unavailable (${status})`,
          true,
        );
      }
      return new ConnectorError(
        'CONNECTOR.UNREACHABLE',
        `The OData service ${service} answered ${status}${saying}`,
      );
  }
}

/** A request that never got an answer: the network, TLS or a timeout. */
export function mapFetchFailure(error: unknown, service: string): ConnectorError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ConnectorError(
      'CONNECTOR.TIMEOUT',
      `The OData service ${service} did not answer in time`,
      true,
    );
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = (cause as { code?: unknown } | undefined)?.code;
  const certificate = typeof code === 'string' && /CERT|SELF_SIGNED|TLS|SSL/i.test(code);
  return new ConnectorError(
    'CONNECTOR.UNREACHABLE',
    certificate
      ? `The OData service ${service} presented a certificate that could not be verified`
      : `The OData service ${service} cannot be reached${typeof code === 'string' ? ` (${code})` : ''}`,
    !certificate,
  );
}
