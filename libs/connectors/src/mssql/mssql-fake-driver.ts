import { type MssqlConnection, type MssqlParameter, type MssqlResult, type MssqlRow } from './mssql-driver';

export type RecordedRequest = Readonly<{ sql: string; parameters: readonly MssqlParameter[] }>;

/**
 * A connection factory for unit specs: records each request and answers with the rows of the first
 * rule whose pattern matches the SQL (recorded catalog rows), or fails as a scripted driver error.
 */
export class FakeMssqlServer {
  readonly requests: RecordedRequest[] = [];
  connectionsOpened = 0;
  inFlight = 0;
  maxInFlightPerConnection = 0;
  private readonly rules: { pattern: RegExp; answer: MssqlRow[] | Error; rowCount?: number }[] = [];
  connectError?: Error;

  answer(pattern: RegExp, rows: MssqlRow[] | Error, rowCount?: number): this {
    this.rules.push({ pattern, answer: rows, rowCount });
    return this;
  }

  readonly factory = async (): Promise<MssqlConnection> => {
    if (this.connectError) throw this.connectError;
    this.connectionsOpened++;
    let busy = false;
    let healthy = true;
    return {
      execute: async (sql: string, parameters: readonly MssqlParameter[] = []): Promise<MssqlResult> => {
        if (busy) throw new Error('two requests in flight on one connection');
        busy = true;
        try {
          this.requests.push({ sql, parameters });
          await Promise.resolve();
          const rule = this.rules.find((candidate) => candidate.pattern.test(sql));
          if (!rule) return { rows: [], rowCount: 0 };
          if (rule.answer instanceof Error) {
            if ((rule.answer as { code?: string }).code === 'ESOCKET') healthy = false;
            throw rule.answer;
          }
          return { rows: rule.answer, rowCount: rule.rowCount ?? rule.answer.length };
        } finally {
          busy = false;
        }
      },
      isHealthy: () => healthy,
      close: async () => {
        healthy = false;
      },
    };
  };
}
