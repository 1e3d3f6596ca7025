/**
 * The narrow driver port of the Oracle dialect. Binds are positional (`:1`, `:2` ... in statement
 * order) or named (`:owner`); an out bind receives a RETURNING ... INTO value. `oracledb-driver.ts`
 * implements it with node-oracledb in thin mode (pure JavaScript, no Instant Client); unit specs inject
 * a fake that records statements.
 *
 * The driver returns every NUMBER (and FLOAT) as its exact decimal text, CLOB/NCLOB as strings and
 * BLOB as bytes, so no value passes through a JavaScript number on its way (BINARY_FLOAT/DOUBLE stay
 * numbers: they are binary floats in the database too).
 */
export type OracleOutBind = Readonly<{
  out: 'string' | 'buffer';
  /** Largest value expected, in bytes (characters for strings). */
  maxSize: number;
}>;

export type OracleBind = unknown;

export type OracleBinds = readonly OracleBind[] | Readonly<Record<string, OracleBind>>;

export type OracleRow = Record<string, unknown>;

export type OracleResult = Readonly<{
  rows: OracleRow[];
  /** Rows an INSERT, UPDATE or DELETE changed. */
  rowsAffected: number;
  /** The values of the out binds, in bind order: one array per out bind (RETURNING gives one value per row). */
  outBinds: readonly unknown[][];
}>;

/** One open connection. Callers never start a statement before the previous one settled (the pool ensures it). */
export interface OracleConnection {
  /** Runs one statement; writes commit at once (autocommit), as each data API call is its own unit. */
  execute(sql: string, binds?: OracleBinds): Promise<OracleResult>;
  /** Like `Oracle Database 23.5.0.24.7`, from the connection handshake. */
  readonly serverVersion: string;
  /** false once the socket closed or failed: the pool then destroys it instead of handing it out. */
  isHealthy(): boolean;
  close(): Promise<void>;
}

/** Opens one connection (the pool calls it); rejects with the driver's error, mapped by the connector. */
export type OracleConnectionFactory = () => Promise<OracleConnection>;

export const isOutBind = (bind: OracleBind): bind is OracleOutBind =>
  typeof bind === 'object' && bind !== null && 'out' in bind && 'maxSize' in bind;
