import { type OracleBinds, type OracleConnection, type OracleResult, type OracleRow } from './oracle-driver';

export type RecordedStatement = Readonly<{ sql: string; binds: OracleBinds }>;

type Answer = Readonly<{ rows?: OracleRow[]; rowsAffected?: number; outBinds?: unknown[][] }>;

/**
 * A connection factory for unit specs: records each statement and answers with the first rule whose
 * pattern matches the SQL (recorded catalog rows, rows affected, RETURNING values), or fails as a
 * scripted driver error.
 */
export class FakeOracleServer {
  readonly statements: RecordedStatement[] = [];
  connectionsOpened = 0;
  connectError?: Error;
  private readonly rules: { pattern: RegExp; answer: Answer | Error }[] = [];

  answer(pattern: RegExp, answer: OracleRow[] | Answer | Error): this {
    this.rules.push({ pattern, answer: Array.isArray(answer) ? { rows: answer } : answer });
    return this;
  }

  readonly factory = async (): Promise<OracleConnection> => {
    if (this.connectError) throw this.connectError;
    this.connectionsOpened++;
    let busy = false;
    let healthy = true;
    return {
      serverVersion: 'Oracle Database 23.5.0.24.7',
      execute: async (sql: string, binds: OracleBinds = []): Promise<OracleResult> => {
        if (busy) throw new Error('two statements in flight on one connection');
        busy = true;
        try {
          this.statements.push({ sql, binds });
          await Promise.resolve();
          const rule = this.rules.find((candidate) => candidate.pattern.test(sql));
          if (!rule) return { rows: [], rowsAffected: 0, outBinds: [] };
          if (rule.answer instanceof Error) {
            if (/^NJS-50[013]$/.test(String((rule.answer as { code?: string }).code))) healthy = false;
            throw rule.answer;
          }
          const { rows = [], rowsAffected = 0, outBinds = [] } = rule.answer;
          return { rows, rowsAffected, outBinds };
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

/** A node-oracledb error as the driver throws it: `ORA-00001: ...` with errorNum and code. */
export function oracleError(number: number, text: string): Error {
  const code = `ORA-${String(number).padStart(5, '0')}`;
  return Object.assign(new Error(`${code}: ${text}`), { errorNum: number, code, offset: 0 });
}

/** A node-oracledb thin-mode error (`NJS-511: ...`). */
export function njsError(code: string, text: string): Error {
  return Object.assign(new Error(`${code}: ${text}`), { code });
}
