import {
  type PostgresDriver,
  type PostgresPool,
  type PostgresPoolConfig,
  type PostgresResult,
} from './postgres-pool';

export type RecordedQuery = Readonly<{ database: string; sql: string; values: readonly unknown[] }>;

/**
 * A driver for unit specs: one pool per database like pg's, recording each statement and answering with
 * the rows of the first rule whose pattern matches the SQL (recorded catalog rows), or failing as a
 * scripted driver error.
 */
export class FakePostgresServer {
  readonly queries: RecordedQuery[] = [];
  readonly pools: PostgresPoolConfig[] = [];
  poolsEnded = 0;
  private readonly rules: {
    pattern: RegExp;
    answer: Record<string, unknown>[] | Error;
    rowCount?: number;
  }[] = [];

  answer(pattern: RegExp, rows: Record<string, unknown>[] | Error, rowCount?: number): this {
    this.rules.push({ pattern, answer: rows, rowCount });
    return this;
  }

  readonly driver: PostgresDriver = {
    createPool: (config): PostgresPool => {
      this.pools.push(config);
      return {
        query: async (sql, values): Promise<PostgresResult> => {
          this.queries.push({ database: String(config.database), sql, values });
          await Promise.resolve();
          const rule = this.rules.find((candidate) => candidate.pattern.test(sql));
          if (!rule) return { rows: [], rowCount: 0 };
          if (rule.answer instanceof Error) throw rule.answer;
          return {
            rows: rule.answer.map((row) => ({ ...row })),
            rowCount: rule.rowCount ?? rule.answer.length,
          };
        },
        end: async () => {
          this.poolsEnded++;
        },
      };
    },
  };
}
