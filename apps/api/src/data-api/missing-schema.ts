import { ConnectorError } from '@ib/connectors';

/** The drivers' codes for a table or column the statement names but the database does not have. */
const MISSING_CODES = new Set(['ER_BAD_FIELD_ERROR', 'ER_NO_SUCH_TABLE']);
/** SQL Server: invalid column name, invalid object name. */
const MISSING_NUMBERS = new Set([207, 208]);
/** node:sqlite throws plain errors; these are SQLite's own words for it. */
const SQLITE_MISSING = /\bno such (table|column)\b|\bhas no column named\b/i;

/**
 * Whether an error the database answered a data call with means that a table or column the published
 * version names is missing there: the schema drifted since the last check.
 */
export function meansMissingSchema(error: unknown): boolean {
  if (error instanceof ConnectorError) return error.code === 'CONNECTOR.TABLE_NOT_FOUND';
  if (typeof error !== 'object' || error === null) return false;
  const { code, number, message } = error as { code?: unknown; number?: unknown; message?: unknown };
  if (typeof code === 'string' && MISSING_CODES.has(code)) return true;
  if (typeof number === 'number' && MISSING_NUMBERS.has(number)) return true;
  return typeof message === 'string' && SQLITE_MISSING.test(message);
}
