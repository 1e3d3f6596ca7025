import { column } from './ddl';
import { ReadModelMigration } from './read-model-migration';

/**
 * The instances in flight of the process managers no view shows them for (republish runs), stored with
 * their checkpoints (rows named `process:<name>` in projection_checkpoints). A new table only: a manager
 * without a checkpoint folds its instances from the start of the log once.
 */
export class ProcessInstances0006 extends ReadModelMigration {
  override name = '0006-process-instances';

  override up(): void {
    this.addSql(
      this.ddl.createTable('process_instances', {
        process: column.string().primary(),
        id: column.string().primary(),
        document: column.json(),
      }),
    );
  }

  override down(): void {
    this.addSql(this.ddl.dropTable('process_instances'));
  }
}
