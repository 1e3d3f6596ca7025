import { createPool, type PoolOptions } from 'mysql2/promise';

/** The part of a mysql2 pool the connector uses: one statement, values bound, with a time limit. */
export interface MysqlPool {
  /**
   * A statement whose `?` the driver fills in (escaped) before sending it; an array value becomes a
   * list, for `IN (?)`. Only for catalog SQL: it would also fill a `?` inside a quoted identifier.
   * Resolves to the rows of a SELECT.
   */
  query(sql: string, values: readonly unknown[], timeoutMs: number): Promise<unknown>;
  /**
   * A server-side prepared statement: values travel apart from the SQL, so identifiers may hold any
   * character. Resolves to the rows of a SELECT or to the result header (insertId, affectedRows).
   */
  execute(sql: string, values: readonly unknown[], timeoutMs: number, spatial?: boolean): Promise<unknown>;
  end(): Promise<void>;
}

export type MysqlPoolConfig = PoolOptions;

/** Spatial values as the server stores them (SRID + WKB): bytes like any BinaryData, not parsed objects. */
const SPATIAL_AS_BYTES: NonNullable<PoolOptions['typeCast']> = (field, next) =>
  field.type === 'GEOMETRY' ? field.buffer() : next();

type CoreConnection = Readonly<{ query(sql: string, callback: (error: unknown) => void): unknown }>;

/** Creates the pool; injected into the connector the way Kysely's dialects take their driver. */
export type MysqlDriver = Readonly<{ createPool(config: MysqlPoolConfig): MysqlPool }>;

/**
 * Every session runs in UTC: TIMESTAMP values are then read and written in UTC, and DATETIME (which
 * has no zone) holds UTC like every zone-less date-time of the data API (see wire-format.ts).
 */
export const SESSION_TIME_ZONE = "SET time_zone = '+00:00'";

export const mysql2Driver: MysqlDriver = {
  createPool(config) {
    const pool = createPool(config);
    // Queued on the new connection before anything the pool hands it out for; a numeric offset needs
    // no time zone tables, so it cannot fail on any MySQL or MariaDB.
    // The event hands over the callback-style core connection, whatever the promise typings say.
    pool.on('connection', (connection: unknown) => {
      (connection as CoreConnection).query(SESSION_TIME_ZONE, () => undefined);
    });
    return {
      async query(sql, values, timeoutMs) {
        const [result] = await pool.query({ sql, values: [...values], timeout: timeoutMs });
        return result;
      },
      async execute(sql, values, timeoutMs, spatial = false) {
        // A custom typeCast slows every row down (about 15% on 100-row pages), so only statements
        // reading spatial columns pay for it.
        const [result] = await pool.execute({
          sql,
          values: [...values],
          timeout: timeoutMs,
          ...(spatial ? { typeCast: SPATIAL_AS_BYTES } : {}),
        });
        return result;
      },
      end: () => pool.end(),
    };
  },
};
