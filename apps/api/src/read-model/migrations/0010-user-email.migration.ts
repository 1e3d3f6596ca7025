import { column } from './ddl';
import { ReadModelMigration } from './read-model-migration';

/**
 * The users view learns each user's e-mail address and notification settings. Unlike 0005, the rows
 * stay: no event before this release carries either, so NULL (no address, the default kinds) is what
 * folding the log again would give them.
 */
export class UserEmail0010 extends ReadModelMigration {
  override name = '0010-user-email';

  override up(): void {
    const { ddl } = this;
    this.addSql(ddl.addColumn('users', 'email', column.string().nullable()));
    this.addSql(ddl.addColumn('users', 'email_kinds', column.json().nullable()));
  }

  override down(): void {
    const { ddl } = this;
    this.addSql(ddl.dropColumn('users', 'email_kinds'));
    this.addSql(ddl.dropColumn('users', 'email'));
  }
}
