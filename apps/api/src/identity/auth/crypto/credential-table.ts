import { type DatabaseSync, type StatementSync } from 'node:sqlite';
import { openCredentialsDatabase } from '../../../infrastructure/secrets/sqlite-file';
import { CredentialStoreUnavailableError } from './credential-store.port';

export { CredentialStoreUnavailableError } from './credential-store.port';

/**
 * One table of the credential file with its prepared statements. Every fault (opening, reading,
 * writing, or using it once closed) surfaces as CredentialStoreUnavailableError.
 */
export class CredentialTable<Statements extends Record<string, StatementSync>> {
  private readonly db: DatabaseSync;
  private readonly statements: Statements;
  private closed = false;

  constructor(file: string, schema: string, prepare: (db: DatabaseSync) => Statements) {
    let db: DatabaseSync | undefined;
    try {
      db = openCredentialsDatabase(file);
      db.exec(schema);
      this.statements = prepare(db);
      this.db = db;
    } catch (error) {
      db?.close();
      throw new CredentialStoreUnavailableError(`cannot open ${file}`, { cause: error });
    }
  }

  /** Runs `action` on the statements; `what` names it in the error ("store a password hash"). */
  run<T>(what: string, action: (statements: Statements) => T): T {
    if (this.closed) throw new CredentialStoreUnavailableError(`cannot ${what}: the store is closed`);
    try {
      return action(this.statements);
    } catch (error) {
      throw new CredentialStoreUnavailableError(`cannot ${what}`, { cause: error });
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
