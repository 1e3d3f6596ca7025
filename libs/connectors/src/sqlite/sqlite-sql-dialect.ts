import { parseWireDateTime, parseWireTime, sqlDateTimeText, type SqlDialect } from '../data';
import { quoteIdentifier } from './quote-identifier';

/**
 * SQLite: `?` placeholders, double-quoted identifiers, LIMIT/OFFSET (LIMIT -1 means no limit), and
 * RETURNING (3.35+) for the key of an inserted row, rowid aliases included. Date-times are stored and
 * compared as SQLite's own functions write them (CURRENT_TIMESTAMP, datetime()): `YYYY-MM-DD HH:MM:SS`
 * in UTC, with milliseconds as strftime('%f') writes them when not zero, so a filter in RFC 3339
 * compares with the stored text.
 */
export const sqliteSqlDialect: SqlDialect = {
  quote: quoteIdentifier,
  placeholder: () => '?',
  paginate: (sql, { limit, offset }) =>
    `${sql} LIMIT ${limit ?? -1}${offset !== undefined && offset > 0 ? ` OFFSET ${offset}` : ''}`,
  likeEscape: '\\',
  likeWildcards: '%_',
  insertKey: 'returning',
  emptyInsert: 'DEFAULT VALUES',
  toParameter: (value, column) => {
    if (typeof value === 'boolean') return value ? 1 : 0;
    // SQLite compares and stores numbers by affinity; JSON callers may send big integers and decimals as text.
    if (typeof value === 'string' && column?.kind === 'LongInteger') return BigInt(value);
    if (typeof value === 'string' && column?.kind === 'Decimal') return Number(value);
    if (typeof value === 'string' && column?.kind === 'DateTime') {
      const instant = parseWireDateTime(value);
      return instant ? sqlDateTimeText(instant, 3, true) : value;
    }
    if (typeof value === 'string' && column?.kind === 'Time') return parseWireTime(value) ?? value;
    return value;
  },
};
