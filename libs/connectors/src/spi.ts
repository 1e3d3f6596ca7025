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

export interface Connector extends SchemaIntrospector {
  readonly provider: 'sqlite' | 'mysql' | 'mssql';
  testConnection(): Promise<ConnectionTestResult>;
  close(): Promise<void>;
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
