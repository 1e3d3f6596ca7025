import { ConnectorError } from '../spi';

/**
 * Quotes an SQLite identifier the SQL-standard way: double quotes around it, embedded double quotes
 * doubled. Brackets, spaces, Unicode and mixed case then need nothing more. SQLite cannot store NUL in a
 * name, so a NUL can only come from a caller's mistake: refuse it instead of truncating the statement.
 */
export function quoteIdentifier(name: string): string {
  if (name.includes('\0')) {
    throw new ConnectorError('CONNECTOR.INVALID_OPTIONS', 'An identifier cannot contain a NUL character');
  }
  return `"${name.replaceAll('"', '""')}"`;
}
