import { column } from './ddl';
import { ReadModelMigration } from './read-model-migration';

/**
 * The view the authenticator checks tokens against (roles, owner, session version). A new table only:
 * a view without a checkpoint is folded from position 0 once, at the next start.
 */
export class UserSessions0007 extends ReadModelMigration {
  override name = '0007-user-sessions';

  override up(): void {
    this.addSql(
      this.ddl.createTable('user_sessions', {
        id: column.string().primary(),
        username: column.string(),
        roles: column.json(),
        owner: column.boolean(),
        session_version: column.integer(),
      }),
    );
  }

  override down(): void {
    this.addSql(this.ddl.dropTable('user_sessions'));
  }
}
