/**
 * The narrow, read-only-by-default SPI every database dialect implements (Kysely's shape).
 * Identifiers come only from introspected metadata; values are always bound parameters.
 */
export type AttributeKind =
  | 'Text'
  | 'Integer'
  | 'LongInteger'
  | 'Decimal'
  | 'Boolean'
  | 'Date'
  | 'Time'
  | 'DateTime'
  | 'BinaryData'
  | 'Json'
  | 'Enum'
  | 'Set';

export type ColumnInfo = Readonly<{
  name: string;
  nativeType: string;
  kind: AttributeKind;
  nullable: boolean;
  /** Literal default as text, or an expression such as CURRENT_TIMESTAMP (see defaultIsExpression). */
  defaultValue?: string;
  defaultIsExpression?: boolean;
  autoIncrement: boolean;
  /**
   * true when the database computes the column (a computed/generated column, SQL Server's
   * rowversion/timestamp): it is read like any column but can never be written. Absent otherwise.
   */
  generated?: boolean;
  length?: number;
  precision?: number;
  scale?: number;
  enumValues?: readonly string[];
}>;

export type ForeignKeyInfo = Readonly<{
  name?: string;
  columns: readonly string[];
  referencedTable: string;
  referencedColumns: readonly string[];
}>;

export type IndexInfo = Readonly<{ name: string; columns: readonly string[]; unique: boolean }>;

export type TableKind = 'table' | 'view';

export type TableSummary = Readonly<{
  schema: string;
  name: string;
  kind: TableKind;
  rowEstimate?: number;
  comment?: string;
}>;

export type TableInfo = TableSummary &
  Readonly<{
    columns: readonly ColumnInfo[];
    /** Column names in key order. */
    primaryKey: readonly string[];
    foreignKeys: readonly ForeignKeyInfo[];
    indexes: readonly IndexInfo[];
  }>;

export type ConnectionTestResult = Readonly<{ ok: true; serverVersion: string; latencyMs: number }>;

export interface SchemaIntrospector {
  listDatabases(): Promise<string[]>;
  listTables(database: string): Promise<TableSummary[]>;
  /** Describes many tables at once (set-based catalog queries, never one query per table). */
  describe(database: string, tables: readonly string[]): Promise<TableInfo[]>;
}

/** Filters of the data API; `value` is bound, never inlined. `isNull` takes a boolean value. */
export type FilterOperator =
  'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'contains' | 'startsWith' | 'endsWith' | 'isNull';

export type Filter = Readonly<{ field: string; op: FilterOperator; value?: unknown }>;
export type Sort = Readonly<{ field: string; direction: 'asc' | 'desc' }>;

/**
 * How database NULLs meet apps that have no NULL (the vendor's "null and default values"):
 * - 'overwrite': values are read and written as they are; NULL stays NULL.
 * - 'preserve': a NULL is read as its attribute type's default value (''/0/false/epoch) and a
 *   default value written to a nullable column is stored as NULL, so existing NULLs survive a round trip.
 */
export type NullPolicy = 'overwrite' | 'preserve';

export type Row = Record<string, unknown>;
/** Primary key values by column name; every key column is required (composite keys too). */
export type Key = Readonly<Record<string, unknown>>;

export type FindQuery = Readonly<{
  filters?: readonly Filter[];
  sort?: readonly Sort[];
  offset?: number;
  limit?: number;
  /** Also count every row that matches the filters (ignoring offset/limit). */
  count?: boolean;
  /** Only these columns (default: all). */
  fields?: readonly string[];
}>;

export type FindResult = Readonly<{ rows: Row[]; total?: number }>;
export type DataOptions = Readonly<{ nullPolicy?: NullPolicy }>;

/**
 * Reads and writes rows of one introspected table. Every table and column name comes from `table`
 * (the published metadata) and is quoted by the dialect; values are always bound parameters. Unknown
 * fields and values that do not fit their attribute are refused before any SQL runs (DataValidationError).
 */
export interface EntityDataAccess {
  find(table: TableInfo, query: FindQuery, options?: DataOptions): Promise<FindResult>;
  get(table: TableInfo, key: Key, options?: DataOptions): Promise<Row | undefined>;
  /** Returns the new row's key, auto-increment included. */
  insert(table: TableInfo, values: Row, options?: DataOptions): Promise<Key>;
  /** Partial update by key; resolves to the number of rows changed (0: no such row). */
  update(table: TableInfo, key: Key, values: Row, options?: DataOptions): Promise<number>;
  delete(table: TableInfo, key: Key): Promise<number>;
}

export interface Connector extends SchemaIntrospector {
  readonly provider: 'sqlite' | 'mysql' | 'mssql';
  testConnection(): Promise<ConnectionTestResult>;
  /** Data access; absent on connectors that do not offer it yet. */
  readonly data?: EntityDataAccess;
  close(): Promise<void>;
}

/** A request the metadata refuses (unknown field, wrong type or length): a 400 naming each field. */
export class DataValidationError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: readonly Readonly<{ field: string; message: string }>[],
    readonly code: 'DATA.INVALID' | 'DATA.READ_ONLY' = 'DATA.INVALID',
  ) {
    super(message);
    this.name = 'DataValidationError';
  }
}

/** Errors a user can act on, each with a stable code. Never carries a password or connection string. */
export type ConnectorErrorCode =
  | 'CONNECTOR.AUTH_FAILED'
  | 'CONNECTOR.UNREACHABLE'
  | 'CONNECTOR.TIMEOUT'
  | 'CONNECTOR.DATABASE_NOT_FOUND'
  | 'CONNECTOR.TABLE_NOT_FOUND'
  | 'CONNECTOR.PERMISSION_DENIED'
  | 'CONNECTOR.PATH_NOT_ALLOWED'
  | 'CONNECTOR.INVALID_OPTIONS'
  | 'CONNECTOR.UNSUPPORTED_PROVIDER';

export class ConnectorError extends Error {
  constructor(
    readonly code: ConnectorErrorCode,
    message: string,
    /** true when retrying later may succeed (server down, timeout): maps to 503. */
    readonly transient = false,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}
