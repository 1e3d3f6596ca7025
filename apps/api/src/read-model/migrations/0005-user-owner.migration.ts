import { Migration } from '@mikro-orm/migrations';

/**
 * The users view learns who holds the installation's owner role. Existing rows lack it, so the view is
 * emptied and its checkpoint dropped: the projection runner folds it again from position 0 at start.
 */
export class UserOwner0005 extends Migration {
  override name = '0005-user-owner';

  override up(): void {
    this.addSql('alter table `users` add column `owner` integer not null default false');
    this.addSql('delete from `users`');
    this.addSql("delete from `projection_checkpoints` where `name` = 'users'");
  }

  override down(): void {
    this.addSql('alter table `users` drop column `owner`');
  }
}
