/**
 * The part of node-oracledb (which ships no type declarations) the Oracle connector uses, in thin
 * mode only: initOracleClient (thick mode, Instant Client) is deliberately not declared.
 */
declare module 'oracledb' {
  export type DbType = { readonly name: string; readonly num: number };

  export type Metadata = Readonly<{ name: string; dbType: DbType }>;

  export type FetchTypeHandlerResult = { type: DbType } | undefined;

  export type BindParameter = Readonly<{ dir: number; type: DbType; maxSize: number }>;

  export type ExecuteOptions = Readonly<{
    autoCommit?: boolean;
    outFormat?: number;
    fetchTypeHandler?: (metadata: Metadata) => FetchTypeHandlerResult;
  }>;

  export type Result = Readonly<{
    rows?: Record<string, unknown>[];
    rowsAffected?: number;
    outBinds?: unknown;
  }>;

  export interface Connection {
    callTimeout: number;
    readonly oracleServerVersionString: string;
    execute(sql: string, binds: unknown, options: ExecuteOptions): Promise<Result>;
    isHealthy(): boolean;
    close(): Promise<void>;
  }

  export type ConnectionAttributes = Readonly<{
    user: string;
    password: string;
    connectString: string;
    connectTimeout?: number;
    transportConnectTimeout?: number;
    sslServerDNMatch?: boolean;
  }>;

  export function getConnection(attributes: ConnectionAttributes): Promise<Connection>;

  export const DB_TYPE_NUMBER: DbType;
  export const DB_TYPE_CLOB: DbType;
  export const DB_TYPE_NCLOB: DbType;
  export const DB_TYPE_BLOB: DbType;
  export const STRING: DbType;
  export const BUFFER: DbType;
  export const BIND_OUT: number;
  export const OUT_FORMAT_OBJECT: number;
}
