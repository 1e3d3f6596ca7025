import { column } from './ddl';
import { ReadModelMigration } from './read-model-migration';

/**
 * The republish runs still running, which a new run must wait for. A new table only: a view without a
 * checkpoint is folded from position 0 once, at the next start.
 */
export class RepublishRuns0008 extends ReadModelMigration {
  override name = '0008-republish-runs';

  override up(): void {
    this.addSql(
      this.ddl.createTable('republish_runs', {
        id: column.string().primary(),
        environment: column.string().nullable(),
        started_at: column.string(),
      }),
    );
  }

  override down(): void {
    this.addSql(this.ddl.dropTable('republish_runs'));
  }
}
