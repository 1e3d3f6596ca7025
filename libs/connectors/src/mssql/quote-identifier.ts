import { ConnectorError } from '../spi';

/**
 * Quotes a SQL Server identifier with brackets, doubling each `]` inside it: `a]b` -> `[a]]b]`.
 * Spaces, quotes, dots, Unicode and reserved words need nothing more. SQL Server names hold at most
 * 128 characters and no NUL; a NUL can only be a caller's mistake, so it is refused, not truncated.
 */
export function quoteMssqlIdentifier(name: string): string {
  if (name.includes('\0')) {
    throw new ConnectorError('CONNECTOR.INVALID_OPTIONS', 'An identifier cannot contain a NUL character');
  }
  return `[${name.replaceAll(']', ']]')}]`;
}
