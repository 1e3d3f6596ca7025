import { ConnectorError } from '../spi';

/**
 * Quotes a PostgreSQL identifier: double quotes around it, embedded double quotes doubled. Mixed case,
 * spaces, reserved words and Unicode then need nothing more (a quoted name is never folded to lower
 * case). A NUL cannot be part of a name: refuse it rather than cut the statement.
 */
export function quoteIdentifier(name: string): string {
  if (name.includes('\0')) {
    throw new ConnectorError('CONNECTOR.INVALID_OPTIONS', 'An identifier cannot contain a NUL character');
  }
  return `"${name.replaceAll('"', '""')}"`;
}
