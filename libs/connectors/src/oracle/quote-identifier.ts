import { ConnectorError } from '../spi';

/**
 * Quotes an Oracle identifier with double quotes, keeping its case: `Order Lines` -> `"Order Lines"`,
 * `EMPLOYEES` -> `"EMPLOYEES"`. Oracle cannot escape a `"` inside a quoted identifier (no doubling,
 * unlike the SQL standard) and names hold no NUL: a name with either can only be a caller's mistake
 * and is refused, never altered.
 */
export function quoteOracleIdentifier(name: string): string {
  if (name.includes('"') || name.includes('\0') || name === '') {
    throw new ConnectorError(
      'CONNECTOR.INVALID_OPTIONS',
      'An Oracle identifier cannot be empty nor contain a double quote or a NUL character',
    );
  }
  return `"${name}"`;
}
