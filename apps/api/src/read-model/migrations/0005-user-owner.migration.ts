import { column } from './ddl';
import { ReadModelMigration } from './read-model-migration';

/**
 * The users view learns who holds the installation's owner role. Existing rows lack it, so the view is
 * emptied and its checkpoint dropped: the projection runner folds it again from position 0 at start.
 */
export class UserOwner0005 extends ReadModelMigration {
  override name = '0005-user-owner';

  override up(): void {
    this.addSql(this.ddl.addColumn('users', 'owner', column.boolean().default(false)));
    this.addSql('delete from `users`');
    this.addSql("delete from `projection_checkpoints` where `name` = 'users'");
  }

  override down(): void {
    this.addSql(this.ddl.dropColumn('users', 'owner'));
  }
}
