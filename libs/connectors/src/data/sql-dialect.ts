import { type ColumnInfo, type Filter, type TableSummary } from '../spi';

/** How a dialect reports the key of a row it has just inserted. */
export type InsertKeyStrategy =
  /** `INSERT ... RETURNING k1, k2` (SQLite 3.35+, MariaDB 10.5+, PostgreSQL): the statement yields the key row. */
  | 'returning'
  /** `INSERT ... OUTPUT INSERTED.k1 VALUES ...` (SQL Server): the statement yields the key row. */
  | 'output'
  /** A plain INSERT; the driver reports the generated value (mysql2's `insertId`, SCOPE_IDENTITY()). */
  | 'driver';

export type Page = Readonly<{
  limit?: number;
  offset?: number;
  hasOrderBy: boolean;
  /** Binds a paging number as a parameter and gives its placeholder, for dialects that prefer that. */
  bind: (value: number) => string;
}>;

/**
 * The few things the data builders need to know about a dialect (Kysely's shape: the builders are
 * shared, each dialect folder contributes one of these).
 */
export interface SqlDialect {
  /** Quotes one identifier (table, column, alias); must refuse what it cannot quote safely. */
  quote(identifier: string): string;
  /** The placeholder of the `index`-th bound parameter, counted from 1: `?` or `@p1`. */
  placeholder(index: number): string;
  /**
   * Appends paging to a complete SELECT. `limit`/`offset` are checked non-negative safe integers; a
   * dialect inlines them as literals or binds them with `bind` (MySQL's prepared statements are cached by
   * text, so a bound offset keeps one statement for every page). SQL Server's
   * OFFSET ... FETCH needs an ORDER BY: `hasOrderBy` tells whether the statement has one.
   */
  paginate(sql: string, page: Page): string;
  /**
   * One character that escapes LIKE wildcards, written as-is into `ESCAPE '<c>'`: pick one that needs
   * no escaping inside a string literal (not a backslash on MySQL, where `'\'` opens an escape; `!` works).
   */
  readonly likeEscape: string;
  /** The characters LIKE treats as wildcards in this dialect (`%_`, SQL Server adds `[`). */
  readonly likeWildcards: string;
  readonly insertKey: InsertKeyStrategy;
  /** The tail of an INSERT without columns: `DEFAULT VALUES` (SQLite, SQL Server) or `() VALUES ()` (MySQL). */
  readonly emptyInsert: string;
  /** The quoted name of a table; default `quote(schema).quote(name)` (or `quote(name)` without a schema). */
  qualifyTable?(table: TableSummary): string;
  /**
   * The select-list item of a column, `quoted` being its quoted name; default `quoted`. A dialect may
   * wrap the column (SQL Server reads exact decimals as text) but must alias it back to `quoted`, so
   * rows keep the column's name.
   */
  selectColumn?(column: ColumnInfo, quoted: string): string;
  /**
   * The column side of a filter's comparison, `quoted` being its quoted name; default `quoted`. A
   * dialect may convert the column (MySQL compares a utf8mb3 column with text it cannot hold after
   * converting the column to utf8mb4).
   */
  filterColumn?(column: ColumnInfo, quoted: string): string;
  /**
   * The whole condition of one filter when the dialect writes it itself, or undefined for the shared one
   * (Oracle compares a CLOB with DBMS_LOB.COMPARE: `=` does not apply to it). `bind` binds a value compared
   * with the column and gives its SQL.
   */
  condition?(
    column: ColumnInfo,
    quoted: string,
    filter: Filter,
    bind: (value: unknown) => string,
  ): string | undefined;
  /** A driver-ready value for a (checked, encoded) parameter, e.g. SQLite's 1/0 for booleans. */
  toParameter?(value: unknown, column: ColumnInfo | undefined): unknown;
  /**
   * The SQL of one bound value, `placeholder` being its placeholder; default `placeholder`. A dialect
   * may convert the bound value in SQL (Oracle binds a date-time as UTC text read by TO_TIMESTAMP, so
   * no client or session time zone takes part).
   */
  parameter?(placeholder: string, column: ColumnInfo): string;
}

/** A column as a SELECT lists it: the dialect's selectColumn, else its quoted name. */
export function selectColumn(dialect: SqlDialect, column: ColumnInfo): string {
  const quoted = dialect.quote(column.name);
  return dialect.selectColumn ? dialect.selectColumn(column, quoted) : quoted;
}

/** The quoted, qualified table name a dialect uses. */
export function tableName(dialect: SqlDialect, table: TableSummary): string {
  if (dialect.qualifyTable) return dialect.qualifyTable(table);
  return table.schema
    ? `${dialect.quote(table.schema)}.${dialect.quote(table.name)}`
    : dialect.quote(table.name);
}
