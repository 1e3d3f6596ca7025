import { column } from './ddl';
import { ReadModelMigration } from './read-model-migration';

/**
 * The users and user sessions views learn whether a user is disabled and whether their password is a
 * one-time one to change. The rows stay: no event before this release disables a user or resets a
 * password, so false is what folding the log again would give them.
 */
export class UserAccess0014 extends ReadModelMigration {
  override name = '0014-user-access';

  override up(): void {
    const { ddl } = this;
    for (const table of ['users', 'user_sessions']) {
      this.addSql(ddl.addColumn(table, 'disabled', column.boolean().default(false)));
      this.addSql(ddl.addColumn(table, 'must_change_password', column.boolean().default(false)));
    }
  }

  override down(): void {
    const { ddl } = this;
    for (const table of ['user_sessions', 'users']) {
      this.addSql(ddl.dropColumn(table, 'must_change_password'));
      this.addSql(ddl.dropColumn(table, 'disabled'));
    }
  }
}
