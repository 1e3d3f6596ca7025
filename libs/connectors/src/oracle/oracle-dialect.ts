import { parseWireDateTime, type Page, type SqlDialect } from '../data';
import { type ColumnInfo, type Filter } from '../spi';
import { quoteOracleIdentifier } from './quote-identifier';

/** How a date-time column stores its value: DATE and TIMESTAMP have no zone (UTC here), the others do. */
export type OracleDateTimeType = 'date' | 'timestamp' | 'timestamp_tz' | 'timestamp_ltz';

export function oracleDateTimeType(
  column: Pick<ColumnInfo, 'kind' | 'nativeType'>,
): OracleDateTimeType | undefined {
  if (column.kind !== 'DateTime') return undefined;
  const type = column.nativeType.toUpperCase();
  if (type === 'DATE') return 'date';
  if (type.endsWith('WITH LOCAL TIME ZONE')) return 'timestamp_ltz';
  if (type.endsWith('WITH TIME ZONE')) return 'timestamp_tz';
  return 'timestamp';
}

const DATE_FORMAT = `'YYYY-MM-DD HH24:MI:SS'`;
const TIMESTAMP_FORMAT = `'YYYY-MM-DD HH24:MI:SS.FF9'`;
const TIMESTAMP_TZ_FORMAT = `'YYYY-MM-DD HH24:MI:SS.FF9 TZH:TZM'`;
/** Character LOBs and the conversion of a bound text to their type, for DBMS_LOB.COMPARE. */
const CHARACTER_LOBS: Readonly<Record<string, string>> = { CLOB: 'TO_CLOB', NCLOB: 'TO_NCLOB' };
/** The Text native types map-oracle-type.ts writes for types it supports; any other Text is unsupported. */
const SUPPORTED_TEXT =
  /^(?:N?VARCHAR2|N?CHAR)\(\d+(?: (?:BYTE|CHAR))?\)$|^(?:N?CLOB|LONG|ROWID)$|^UROWID\(\d+\)$/i;

/**
 * An attribute whose type the connector cannot carry. The mark is not published with the entity, so the
 * native type tells it again: unsupported types are Text attributes of a type no Text mapping writes.
 */
export const isUnsupportedOracleColumn = (column: Pick<ColumnInfo, 'kind' | 'nativeType' | 'unsupported'>) =>
  column.unsupported === true || (column.kind === 'Text' && !SUPPORTED_TEXT.test(column.nativeType.trim()));
/** A CLOB or NCLOB: compared whole by DBMS_LOB.COMPARE, never ordered (ORA-00932). */
export const isOracleCharacterLob = (column: Pick<ColumnInfo, 'nativeType'>) =>
  Object.hasOwn(CHARACTER_LOBS, column.nativeType.trim().toUpperCase());

/**
 * Columns Oracle cannot put in an ORDER BY: LOBs and LONGs (ORA-00932, ORA-00997) and the types the
 * connector does not carry (read as null; object types cannot be ordered).
 */
export const isUnsortableOracleColumn = (
  column: Pick<ColumnInfo, 'kind' | 'nativeType' | 'unsupported'>,
): boolean =>
  isUnsupportedOracleColumn(column) || /^(?:N?CLOB|BLOB|LONG|LONG RAW)$/i.test(column.nativeType.trim());

/** LONG and LONG RAW may not appear in a WHERE clause at all (not even IS NULL). */
export const isUnfilterableOracleColumn = (column: Pick<ColumnInfo, 'nativeType'>): boolean =>
  /^LONG(?: RAW)?$/i.test(column.nativeType.trim());

/**
 * The Oracle part of the shared builders: double-quoted identifiers (case kept), `:1...` binds,
 * `OFFSET :n ROWS FETCH FIRST :m ROWS ONLY` paging with bound numbers (one shared cursor for every
 * page), keys read back with `RETURNING ... INTO` (oracle-data-access.ts adds the INTO).
 *
 * Date-times never pass through a JavaScript Date: node-oracledb would read and write DATE and
 * TIMESTAMP in the client's time zone. They are read with TO_CHAR (zoned ones in UTC through
 * SYS_EXTRACT_UTC) and written as UTC text through TO_DATE / TO_TIMESTAMP(_TZ), so the same value
 * comes back whatever the client's or the session's time zone. NUMBERs arrive as exact text (see
 * oracledb-driver.ts).
 */
export const oracleDialect: SqlDialect = {
  quote: quoteOracleIdentifier,
  placeholder: (index) => `:${index}`,
  paginate,
  // A backslash is an ordinary character in Oracle string literals: `ESCAPE '\'` needs no escaping.
  likeEscape: '\\',
  likeWildcards: '%_',
  insertKey: 'returning',
  // Oracle has no DEFAULT VALUES; oracle-data-access.ts names one column for `VALUES (DEFAULT)`.
  emptyInsert: 'VALUES (DEFAULT)',
  selectColumn: selectOracleColumn,
  filterColumn: filterOracleColumn,
  condition: oracleCondition,
  toParameter: toOracleParameter,
  parameter: oracleParameter,
};

/** Date-times as text in UTC; an unsupported type as null (it cannot be carried). */
export function selectOracleColumn(column: ColumnInfo, quoted: string): string {
  const read = oracleReadExpression(column, quoted);
  return read === quoted ? quoted : `${read} AS ${quoted}`;
}

/** The expression a column is read with (see selectOracleColumn). */
export function oracleReadExpression(column: ColumnInfo, quoted: string): string {
  if (isUnsupportedOracleColumn(column)) return 'NULL';
  switch (oracleDateTimeType(column)) {
    case 'date':
      return `TO_CHAR(${quoted}, ${DATE_FORMAT})`;
    case 'timestamp':
      return `TO_CHAR(${quoted}, ${TIMESTAMP_FORMAT})`;
    case 'timestamp_tz':
      return `TO_CHAR(SYS_EXTRACT_UTC(${quoted}), ${TIMESTAMP_FORMAT})`;
    case 'timestamp_ltz':
      return `TO_CHAR(SYS_EXTRACT_UTC(CAST(${quoted} AS TIMESTAMP WITH TIME ZONE)), ${TIMESTAMP_FORMAT})`;
    default:
      return quoted;
  }
}

/** An unsupported column is null in filters, as it reads. (LIKE and IS NULL take a CLOB as it is.) */
export function filterOracleColumn(column: ColumnInfo, quoted: string): string {
  return isUnsupportedOracleColumn(column) ? 'NULL' : quoted;
}

/**
 * `=` does not apply to a CLOB (ORA-00932): eq, ne and in compare the whole value with
 * DBMS_LOB.COMPARE, which is 0 only for the same length and characters (NULL for a NULL, as `=` is).
 * Order comparisons on a LOB are refused before SQL (oracle-find-query.ts); the other operators are
 * the shared builder's.
 */
export function oracleCondition(
  column: ColumnInfo,
  quoted: string,
  { op, value }: Filter,
  bind: (value: unknown) => string,
): string | undefined {
  const conversion = CHARACTER_LOBS[column.nativeType.trim().toUpperCase()];
  if (conversion === undefined || isUnsupportedOracleColumn(column)) return undefined;
  const compare = (item: unknown) => `DBMS_LOB.COMPARE(${quoted}, ${conversion}(${bind(item)}))`;
  switch (op) {
    case 'eq':
      return `${compare(value)} = 0`;
    case 'ne':
      return `${compare(value)} <> 0`;
    case 'in':
      return Array.isArray(value) && value.length > 0
        ? `(${value.map((item) => `${compare(item)} = 0`).join(' OR ')})`
        : undefined;
    default:
      return undefined;
  }
}

/** A checked RFC 3339 date-time as the UTC text its column's conversion reads. */
export function toOracleParameter(value: unknown, column: ColumnInfo | undefined): unknown {
  const type = column && oracleDateTimeType(column);
  if (type === undefined || typeof value !== 'string') return value;
  const utc = parseWireDateTime(value);
  if (utc === undefined) return value;
  if (type === 'date') return `${utc.date} ${utc.time}`;
  const timestamp = `${utc.date} ${utc.time}.${utc.fraction.slice(0, 9).padEnd(9, '0')}`;
  return type === 'timestamp' ? timestamp : `${timestamp} +00:00`;
}

export function oracleParameter(placeholder: string, column: ColumnInfo): string {
  switch (oracleDateTimeType(column)) {
    case 'date':
      return `TO_DATE(${placeholder}, ${DATE_FORMAT})`;
    case 'timestamp':
      return `TO_TIMESTAMP(${placeholder}, ${TIMESTAMP_FORMAT})`;
    case 'timestamp_tz':
    case 'timestamp_ltz':
      return `TO_TIMESTAMP_TZ(${placeholder}, ${TIMESTAMP_TZ_FORMAT})`;
    default:
      return placeholder;
  }
}

/** Oracle 12c+ row limiting; unlike SQL Server it needs no ORDER BY and takes a limit of 0. */
function paginate(sql: string, { limit, offset, bind }: Page): string {
  // Positional binds follow the text: the offset's placeholder is bound before the limit's.
  const skip = ` OFFSET ${bind(offset ?? 0)} ROWS`;
  return limit === undefined ? `${sql}${skip}` : `${sql}${skip} FETCH FIRST ${bind(limit)} ROWS ONLY`;
}
