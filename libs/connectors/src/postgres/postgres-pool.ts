import { Pool, types, type PoolConfig } from 'pg';

export type PostgresResult = Readonly<{ rows: Record<string, unknown>[]; rowCount: number }>;

/** The part of a pg pool the connector uses: one statement, values bound (`$1`), rows or a row count. */
export interface PostgresPool {
  query(sql: string, values: readonly unknown[]): Promise<PostgresResult>;
  end(): Promise<void>;
}

export type PostgresPoolConfig = PoolConfig;

/** Creates one pool per database; injected into the connector the way Kysely's dialects take their driver. */
export type PostgresDriver = Readonly<{ createPool(config: PostgresPoolConfig): PostgresPool }>;

const INT8 = 20;
/** Read as the server writes them: dates and date-times keep their microseconds and no local time zone is guessed. */
const AS_TEXT = new Set([
  1082, // date
  1114, // timestamp
  1184, // timestamptz
  1186, // interval
  114, // json: parsed once, by decodeValue (a JSON string scalar would otherwise be parsed twice)
  3802, // jsonb
]);
const text = (value: string) => value;
/** A 64-bit integer as a number while exact, else its digits (pg's default is always text). */
const int8 = (value: string) => {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : value;
};

/**
 * The value parsers of every pool: pg's own but for the types above, so that PostgresDataAccess passes
 * most values through as decodeValue would return them.
 */
export const POSTGRES_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format !== 'binary') {
      if (oid === INT8) return int8;
      if (AS_TEXT.has(oid)) return text;
    }
    return format === undefined ? types.getTypeParser(oid) : types.getTypeParser(oid, format);
  }) as typeof types.getTypeParser,
};

export const pgDriver: PostgresDriver = {
  createPool(config) {
    const pool = new Pool({ ...config, types: POSTGRES_TYPES });
    // An idle client whose server went away reports it here; without a listener Node would crash.
    // The pool drops that client; the next call opens a fresh one.
    pool.on('error', () => undefined);
    return {
      async query(sql, values) {
        const result = await pool.query({ text: sql, values: [...values] });
        return { rows: result.rows as Record<string, unknown>[], rowCount: result.rowCount ?? 0 };
      },
      end: () => pool.end(),
    };
  },
};
