import { Migration } from '@mikro-orm/migrations';

/**
 * The instances in flight of the process managers no view shows them for (republish runs), stored with
 * their checkpoints (rows named `process:<name>` in projection_checkpoints). A new table only: a manager
 * without a checkpoint folds its instances from the start of the log once.
 */
export class ProcessInstances0006 extends Migration {
  override name = '0006-process-instances';

  override up(): void {
    this.addSql(
      'create table `process_instances` (`process` text not null, `id` text not null, ' +
        '`document` json not null, primary key (`process`, `id`))',
    );
  }

  override down(): void {
    this.addSql('drop table if exists `process_instances`');
  }
}
