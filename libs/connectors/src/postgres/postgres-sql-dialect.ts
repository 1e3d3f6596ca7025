import { parseWireDateTime, parseWireTime, sqlDateTimeText, type SqlDialect } from '../data';
import { type ColumnInfo } from '../spi';
import { parsePostgresAddress } from './postgres-address';
import { isPostgresArray } from './map-postgres-type';
import { quoteIdentifier } from './quote-identifier';

/** Native types of Text and Enum attributes that are no character type (uuid, inet, interval, enums ...). */
const CHARACTER_TYPE = /^(?:character varying|varchar|character|char|bpchar|text|name|citext)\b/i;

/**
 * PostgreSQL: double-quoted identifiers, `$n` placeholders (untyped: the server infers each from the
 * column it meets), LIMIT/OFFSET, and `RETURNING` for the inserted key. A table's schema is its address
 * `<database>/<schema>` (postgres-address.ts): only the schema part qualifies the name, the database is
 * the connection's. The LIKE escape is `!`, which needs no escaping in a string literal.
 */
export const postgresSqlDialect: SqlDialect = {
  quote: quoteIdentifier,
  placeholder: (index) => `$${index}`,
  paginate: (sql, { limit, offset, bind }) =>
    `${sql}${limit === undefined ? '' : ` LIMIT ${bind(limit)}`}${offset !== undefined && offset > 0 ? ` OFFSET ${bind(offset)}` : ''}`,
  likeEscape: '!',
  likeWildcards: '%_',
  insertKey: 'returning',
  emptyInsert: 'DEFAULT VALUES',
  qualifyTable: (table) =>
    `${quoteIdentifier(parsePostgresAddress(table.schema).schema)}.${quoteIdentifier(table.name)}`,
  // Arrays are read as JSON (to_json keeps nesting and NULLs, whatever the element type), and Text of
  // other types (uuid, inet, point, money ...) as its text, which pg would otherwise parse its own way.
  selectColumn: (column, quoted) =>
    isPostgresArray(column.nativeType)
      ? `to_json(${quoted}) AS ${quoted}`
      : column.kind === 'Text' && !CHARACTER_TYPE.test(column.nativeType)
        ? `${quoted}::text AS ${quoted}`
        : quoted,
  // LIKE needs text: a uuid, an enum or an interval is compared as its text.
  filterColumn: (column, quoted) =>
    (column.kind === 'Text' || column.kind === 'Enum') && !CHARACTER_TYPE.test(column.nativeType)
      ? `${quoted}::text`
      : quoted,
  toParameter: (value, column) => toPostgresParameter(value, column),
};

function toPostgresParameter(value: unknown, column: ColumnInfo | undefined): unknown {
  if (typeof value !== 'string' || column === undefined) return value;
  switch (column.kind) {
    case 'DateTime':
      return toPostgresDateTime(value);
    case 'Time':
      return parseWireTime(value) ?? value;
    case 'Json':
      // encodeValue wrote the JSON text; an array column takes an array, which pg writes as `{...}`.
      return isPostgresArray(column.nativeType) ? parseArray(value) : value;
    default:
      return value;
  }
}

/**
 * An RFC 3339 instant in UTC, `2024-05-01 08:00:00.5+00`: a timestamptz stores the instant, and a
 * timestamp (which ignores any zone it is given) the UTC time, as every zone-less date-time holds UTC.
 */
export function toPostgresDateTime(value: string): string {
  const instant = parseWireDateTime(value);
  return instant ? `${sqlDateTimeText(instant, 6)}+00` : value;
}

function parseArray(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
