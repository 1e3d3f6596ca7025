/**
 * The narrow driver port of the SQL Server dialect: one connection runs one request at a time and
 * every parameter carries an explicit SQL Server type (never inferred from the JS value, so an
 * nvarchar column is never compared with a varchar parameter and a decimal keeps its scale).
 * `tedious-driver.ts` implements it with tedious; unit specs inject a fake that records requests.
 */
export type MssqlParameterType =
  | 'NVarChar'
  | 'VarChar'
  | 'NChar'
  | 'Char'
  | 'TinyInt'
  | 'SmallInt'
  | 'Int'
  | 'BigInt'
  | 'Decimal'
  | 'Float'
  | 'Real'
  | 'Money'
  | 'SmallMoney'
  | 'Bit'
  | 'Date'
  | 'Time'
  | 'DateTime'
  | 'DateTime2'
  | 'SmallDateTime'
  | 'DateTimeOffset'
  | 'VarBinary'
  | 'UniqueIdentifier';

export type MssqlParameter = Readonly<{
  /** Without the `@`: `p1` is referenced as `@p1` in the SQL text. */
  name: string;
  type: MssqlParameterType;
  value: unknown;
  /** Character or byte length; `'max'` for (n)varchar(max) / varbinary(max). */
  length?: number | 'max';
  precision?: number;
  /** Decimal scale, or the fractional-second digits of time / datetime2 / datetimeoffset. */
  scale?: number;
}>;

export type MssqlRow = Record<string, unknown>;

export type MssqlResult = Readonly<{ rows: MssqlRow[]; rowCount: number }>;

/** One open connection. Callers never start a request before the previous one settled (the pool ensures it). */
export interface MssqlConnection {
  execute(sql: string, parameters?: readonly MssqlParameter[]): Promise<MssqlResult>;
  /** false once the socket closed or failed: the pool then destroys it instead of handing it out. */
  isHealthy(): boolean;
  close(): Promise<void>;
}

/** Opens one connection (the pool calls it); rejects with the driver's error, mapped by the connector. */
export type MssqlConnectionFactory = () => Promise<MssqlConnection>;
