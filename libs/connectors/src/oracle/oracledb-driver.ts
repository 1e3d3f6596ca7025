import oracledb, { type Metadata } from 'oracledb';
import {
  isOutBind,
  type OracleBind,
  type OracleBinds,
  type OracleConnection,
  type OracleConnectionFactory,
  type OracleResult,
} from './oracle-driver';
import { oracleConnectString, type ResolvedOracleOptions } from './oracle-options';

/** getConnection's attributes for the options: thin mode, TLS (tcps) with the server's name checked. */
export function oracledbAttributes(options: ResolvedOracleOptions): oracledb.ConnectionAttributes {
  const seconds = Math.max(1, Math.ceil(options.connectTimeoutMs / 1000));
  return {
    user: options.user,
    password: options.password,
    connectString: oracleConnectString(options),
    connectTimeout: seconds,
    transportConnectTimeout: seconds,
    ...(options.tls ? { sslServerDNMatch: true } : {}),
  };
}

/**
 * NUMBER (FLOAT too) as exact text and LOBs whole: a NUMBER(38) or NUMBER(20,10) would lose digits
 * as a JavaScript number, and a LOB locator would need a round trip per value.
 */
export function oracleFetchType(metadata: Metadata): oracledb.FetchTypeHandlerResult {
  switch (metadata.dbType) {
    case oracledb.DB_TYPE_NUMBER:
    case oracledb.DB_TYPE_CLOB:
    case oracledb.DB_TYPE_NCLOB:
      return { type: oracledb.STRING };
    case oracledb.DB_TYPE_BLOB:
      return { type: oracledb.BUFFER };
    default:
      return undefined;
  }
}

/** Opens node-oracledb thin connections (never initOracleClient: no Instant Client is needed or used). */
export function oracledbConnectionFactory(options: ResolvedOracleOptions): OracleConnectionFactory {
  const attributes = oracledbAttributes(options);
  return async () => {
    const connection = await oracledb.getConnection(attributes);
    connection.callTimeout = options.callTimeoutMs;
    return new OracledbConnection(connection);
  };
}

class OracledbConnection implements OracleConnection {
  constructor(private readonly connection: oracledb.Connection) {}

  get serverVersion(): string {
    return `Oracle Database ${this.connection.oracleServerVersionString}`;
  }

  async execute(sql: string, binds: OracleBinds = []): Promise<OracleResult> {
    const outPositions: number[] = [];
    const driverBinds = Array.isArray(binds)
      ? (binds as readonly OracleBind[]).map((bind, index) => {
          if (!isOutBind(bind)) return bind;
          outPositions.push(index);
          return {
            dir: oracledb.BIND_OUT,
            type: bind.out === 'buffer' ? oracledb.BUFFER : oracledb.STRING,
            maxSize: bind.maxSize,
          };
        })
      : binds;
    const result = await this.connection.execute(sql, driverBinds, {
      autoCommit: true,
      outFormat: oracledb.OUT_FORMAT_OBJECT,
      fetchTypeHandler: oracleFetchType,
    });
    const outBinds = Array.isArray(result.outBinds) ? (result.outBinds as unknown[]) : [];
    return {
      rows: result.rows ?? [],
      rowsAffected: result.rowsAffected ?? 0,
      // RETURNING INTO gives an array of values per out bind (one per row changed).
      outBinds: outPositions.map((_, i) => {
        const value = outBinds[i];
        return Array.isArray(value) ? (value as unknown[]) : [value];
      }),
    };
  }

  isHealthy(): boolean {
    return this.connection.isHealthy();
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
