import { type SqlDialect } from '../data';
import { quoteIdentifier } from './quote-identifier';

const OFFSET_DATE_TIME = /(?:Z|[+-]\d{2}:?\d{2})$/i;

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
    // DATETIME/TIMESTAMP take no zone (MariaDB refuses one): an instant given with a zone is stored in UTC.
    if (column?.kind === 'DateTime' && typeof value === 'string') return toMysqlDateTime(value);
    if (typeof value === 'boolean') return value ? 1 : 0;
    return value;
  },
};

/** `2024-05-01T10:00:00+02:00` -> `2024-05-01 08:00:00.000`; `2024-05-01T10:00:00` -> `2024-05-01 10:00:00`. */
export function toMysqlDateTime(value: string): string {
  if (!OFFSET_DATE_TIME.test(value)) return value.replace('T', ' ');
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  return instant.toISOString().replace('T', ' ').replace('Z', '');
}
