import { ConnectorError } from '../spi';

/**
 * Quotes a MySQL/MariaDB identifier: backticks around it, embedded backticks doubled. Spaces, quotes,
 * brackets, reserved words, Unicode and mixed case then need nothing more (ANSI_QUOTES only changes
 * what double quotes mean). A NUL cannot be part of a name: refuse it rather than cut the statement.
 */
export function quoteIdentifier(name: string): string {
  if (name.includes('\0')) {
    throw new ConnectorError('CONNECTOR.INVALID_OPTIONS', 'An identifier cannot contain a NUL character');
  }
  return `\`${name.replaceAll('`', '``')}\``;
}
