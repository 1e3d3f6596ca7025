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
  /**
   * true when the connector cannot map the native type: the attribute is listed with this mark and never
   * written; Oracle's INTERVAL, XMLTYPE or an object type is read as null (it is also `generated`), an OData
   * complex type, collection or geography is read as JSON. Absent otherwise.
   */
  unsupported?: boolean;
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
  readonly provider: 'sqlite' | 'mysql' | 'mssql' | 'postgres' | 'oracle' | 'odata';
  testConnection(): Promise<ConnectionTestResult>;
  /** Data access; absent on connectors that do not offer it yet. */
  readonly data?: EntityDataAccess;
  close(): Promise<void>;
}

/**
 * A request the metadata refuses, naming each field: DATA.INVALID (unknown field, wrong type or length)
 * and DATA.READ_ONLY_ATTRIBUTE (only values for generated or unsupported attributes) are 400s,
 * DATA.READ_ONLY (a write to a view or a table without key) a 409.
 */
export class DataValidationError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: readonly Readonly<{ field: string; message: string }>[],
    readonly code: 'DATA.INVALID' | 'DATA.READ_ONLY' | 'DATA.READ_ONLY_ATTRIBUTE' = 'DATA.INVALID',
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

/**
 * Which constraint of the database a write broke; each is a 409 of its own. ROW_CHANGED: the row's
 * version (an OData ETag) no longer matched when the write arrived: another change came in between.
 */
export type DataConstraintCode =
  | 'DATA.DUPLICATE_KEY'
  | 'DATA.FOREIGN_KEY_VIOLATION'
  | 'DATA.ROW_REFERENCED'
  | 'DATA.CHECK_VIOLATION'
  | 'DATA.NOT_NULL_VIOLATION'
  | 'DATA.CONSTRAINT_VIOLATION'
  | 'DATA.ROW_CHANGED';

/** What the driver said about the constraint: schema names only, never a row's values. */
export type DataConstraintDetails = Readonly<{
  /** The constraint or index, as the database names it (`PRIMARY`, `FK_TrackAlbumId`, `quantity > 0`). */
  constraint?: string;
  /** Columns of the written table the constraint covers, when the driver tells them. */
  fields?: readonly string[];
  /** ROW_REFERENCED: the table whose rows still refer to the row. */
  referencingTable?: string;
}>;

const CONSTRAINT_FIELD_MESSAGES: Record<DataConstraintCode, string> = {
  'DATA.DUPLICATE_KEY': 'must be unique: another row has this value',
  'DATA.FOREIGN_KEY_VIOLATION': 'refers to a row that does not exist',
  'DATA.ROW_REFERENCED': 'is referred to by other rows',
  'DATA.CHECK_VIOLATION': 'breaks a check constraint',
  'DATA.NOT_NULL_VIOLATION': 'is required',
  'DATA.CONSTRAINT_VIOLATION': 'breaks a constraint',
  'DATA.ROW_CHANGED': 'changed meanwhile',
};

/**
 * A write the database refused for one of its constraints, which the metadata could not foresee (a
 * duplicate key, a foreign key, a check): a conflict with the data, not a bad request nor a fault.
 * Its message is built here from `details`, so a driver's text (which quotes the row's values) never
 * reaches a caller.
 */
export class DataConstraintError extends Error {
  readonly fieldErrors: readonly Readonly<{ field: string; message: string }>[];

  constructor(
    readonly code: DataConstraintCode,
    readonly details: DataConstraintDetails = {},
  ) {
    super(constraintMessage(code, details));
    this.name = 'DataConstraintError';
    this.fieldErrors = (details.fields ?? []).map((field) => ({
      field,
      message: CONSTRAINT_FIELD_MESSAGES[code],
    }));
  }
}

function constraintMessage(
  code: DataConstraintCode,
  { constraint, fields = [], referencingTable }: DataConstraintDetails,
): string {
  const named = constraint === undefined ? '' : ` (constraint ${constraint})`;
  const columns = fields.join(', ');
  switch (code) {
    case 'DATA.DUPLICATE_KEY':
      return `Another row already has this ${columns === '' ? 'key' : `value of ${columns}`}${named}`;
    case 'DATA.FOREIGN_KEY_VIOLATION':
      return `The row referred to${columns === '' ? '' : ` by ${columns}`} does not exist${named}`;
    case 'DATA.ROW_REFERENCED':
      return (
        `Rows${referencingTable === undefined ? '' : ` of ${referencingTable}`} still refer to this row${named}: ` +
        'change or delete them first'
      );
    case 'DATA.CHECK_VIOLATION':
      return `A value${columns === '' ? '' : ` of ${columns}`} breaks a check constraint${named}`;
    case 'DATA.NOT_NULL_VIOLATION':
      return `${columns === '' ? 'A value' : columns} is required and cannot be null${named}`;
    case 'DATA.CONSTRAINT_VIOLATION':
      return `The database refused the change: it breaks a constraint${named}`;
    case 'DATA.ROW_CHANGED':
      return 'The row changed while this write was under way (its ETag no longer matches): read it again and retry';
  }
}
