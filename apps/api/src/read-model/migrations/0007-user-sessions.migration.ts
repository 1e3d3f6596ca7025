import { Migration } from '@mikro-orm/migrations';

/**
 * The view the authenticator checks tokens against (roles, owner, session version). A new table only:
 * a view without a checkpoint is folded from position 0 once, at the next start.
 */
export class UserSessions0007 extends Migration {
  override name = '0007-user-sessions';

  override up(): void {
    this.addSql(
      'create table `user_sessions` (`id` text not null primary key, `username` text not null, ' +
        '`roles` json not null, `owner` integer not null, `session_version` integer not null)',
    );
  }

  override down(): void {
    this.addSql('drop table if exists `user_sessions`');
  }
}
