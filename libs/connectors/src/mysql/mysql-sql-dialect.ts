import { parseWireDateTime, parseWireTime, sqlDateTimeText, type SqlDialect } from '../data';
import { quoteIdentifier } from './quote-identifier';

/**
 * MySQL/MariaDB: backtick-quoted identifiers, `?` placeholders, LIMIT/OFFSET, and the driver's
 * insertId for an auto-increment key (MariaDB has RETURNING, MySQL does not). The LIKE escape is `!`:
 * a backslash would itself need escaping in the ESCAPE literal unless NO_BACKSLASH_ESCAPES is set.
 */
export const mysqlSqlDialect: SqlDialect = {
  quote: quoteIdentifier,
  placeholder: () => '?',
  // MySQL has no "no limit" but LIMIT offset, count; the largest BIGINT UNSIGNED is its documented stand-in.
  // Bound, so every page runs the same prepared statement (mysql2 caches them by SQL text).
  paginate: (sql, { limit, offset, bind }) =>
    `${sql} LIMIT ${limit === undefined ? '18446744073709551615' : bind(limit)}${offset !== undefined && offset > 0 ? ` OFFSET ${bind(offset)}` : ''}`,
  likeEscape: '!',
  likeWildcards: '%_',
  insertKey: 'driver',
  emptyInsert: '() VALUES ()',
  toParameter: (value, column) => {
    if (column?.kind === 'DateTime' && typeof value === 'string') return toMysqlDateTime(value);
    if (column?.kind === 'Time' && typeof value === 'string') return parseWireTime(value) ?? value;
    if (typeof value === 'boolean') return value ? 1 : 0;
    return value;
  },
};

/**
 * DATETIME and TIMESTAMP take no zone (MariaDB refuses one): an RFC 3339 instant is written in UTC,
 * the session's time zone (mysql-pool.ts), with at most the 6 decimals MySQL keeps.
 * `2024-05-01T10:00:00.5+02:00` -> `2024-05-01 08:00:00.5`.
 */
export function toMysqlDateTime(value: string): string {
  const instant = parseWireDateTime(value);
  return instant ? sqlDateTimeText(instant, 6) : value;
}
