import { Migration } from '@mikro-orm/migrations';

/**
 * The republish runs still running, which a new run must wait for. A new table only: a view without a
 * checkpoint is folded from position 0 once, at the next start.
 */
export class RepublishRuns0008 extends Migration {
  override name = '0008-republish-runs';

  override up(): void {
    this.addSql(
      'create table `republish_runs` (`id` text not null primary key, `environment` text null, ' +
        '`started_at` text not null)',
    );
  }

  override down(): void {
    this.addSql('drop table if exists `republish_runs`');
  }
}
