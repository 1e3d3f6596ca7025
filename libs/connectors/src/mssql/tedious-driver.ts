import { Connection, Request, TYPES, type ConnectionConfiguration } from 'tedious';
import {
  type MssqlConnection,
  type MssqlConnectionFactory,
  type MssqlParameter,
  type MssqlParameterType,
  type MssqlResult,
  type MssqlRow,
} from './mssql-driver';
import { type ResolvedMssqlOptions } from './mssql-options';

/** Every type the port names is a tedious type; the compiler checks the two lists agree. */
const TEDIOUS_TYPES: Readonly<Record<MssqlParameterType, (typeof TYPES)[keyof typeof TYPES]>> = TYPES;

/** The tedious configuration of the options; TLS settings pass through unchanged (never downgraded). */
export function tediousConfiguration(options: ResolvedMssqlOptions): ConnectionConfiguration {
  return {
    server: options.server,
    authentication: {
      type: 'default',
      options: { userName: options.user, password: options.password },
    },
    options: {
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.instanceName === undefined ? {} : { instanceName: options.instanceName }),
      ...(options.database === undefined ? {} : { database: options.database }),
      encrypt: options.encrypt,
      trustServerCertificate: options.trustServerCertificate,
      connectTimeout: options.connectTimeoutMs,
      requestTimeout: options.requestTimeoutMs,
      // Rows are collected from 'row' events; keeping them twice would double the memory of a read.
      rowCollectionOnRequestCompletion: false,
      useColumnNames: false,
      useUTC: true,
    },
  };
}

/** Creates the (unconnected) tedious connection; unit specs pass a fake of it. */
export type CreateTediousConnection = (config: ConnectionConfiguration) => Connection;

/**
 * Opens tedious connections; a login error carries the server's first error number (4060, 18456 ...):
 * for a database it cannot open the server sends 4060 and then 18456, and the first one is the cause.
 */
export function tediousConnectionFactory(
  options: ResolvedMssqlOptions,
  createConnection: CreateTediousConnection = (config) => new Connection(config),
): MssqlConnectionFactory {
  const config = tediousConfiguration(options);
  return () =>
    new Promise<MssqlConnection>((resolve, reject) => {
      const connection = createConnection(config);
      let loginErrorNumber: number | undefined;
      const onErrorMessage = (token: { number: number }) => {
        loginErrorNumber ??= token.number;
      };
      connection.on('errorMessage', onErrorMessage);
      connection.connect((error) => {
        connection.removeListener('errorMessage', onErrorMessage);
        if (error) {
          if (loginErrorNumber !== undefined) Object.assign(error, { number: loginErrorNumber });
          reject(error);
        } else {
          resolve(new TediousConnection(connection));
        }
      });
    });
}

class TediousConnection implements MssqlConnection {
  private healthy = true;

  constructor(private readonly connection: Connection) {
    // A socket that fails between requests emits 'error': without a listener it would crash the process.
    connection.on('error', () => {
      this.healthy = false;
    });
    connection.on('end', () => {
      this.healthy = false;
    });
  }

  execute(sql: string, parameters: readonly MssqlParameter[] = []): Promise<MssqlResult> {
    return new Promise((resolve, reject) => {
      const rows: MssqlRow[] = [];
      const request = new Request(sql, (error, rowCount) => {
        if (error) {
          const code = (error as { code?: unknown }).code;
          if (code === 'ESOCKET' || code === 'ECLOSE') this.healthy = false;
          reject(error);
        } else {
          resolve({ rows, rowCount: rowCount ?? 0 });
        }
      });
      for (const parameter of parameters) {
        request.addParameter(parameter.name, TEDIOUS_TYPES[parameter.type], parameter.value, {
          ...(parameter.length === undefined
            ? {}
            : { length: parameter.length === 'max' ? Infinity : parameter.length }),
          ...(parameter.precision === undefined ? {} : { precision: parameter.precision }),
          ...(parameter.scale === undefined ? {} : { scale: parameter.scale }),
        });
      }
      request.on('row', (columns: { metadata: { colName: string }; value: unknown }[]) => {
        const row: MssqlRow = {};
        for (const column of columns) row[column.metadata.colName] = column.value;
        rows.push(row);
      });
      this.connection.execSql(request);
    });
  }

  isHealthy(): boolean {
    return this.healthy && !this.connection.closed;
  }

  close(): Promise<void> {
    if (this.connection.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.connection.once('end', () => resolve());
      this.connection.close();
    });
  }
}
