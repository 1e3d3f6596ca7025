import { column } from './ddl';
import { ReadModelMigration } from './read-model-migration';

/**
 * The schema drift of each integration in each environment it is deployed in, and each environment's
 * last drift check. New tables only: views without a checkpoint are folded from position 0 at the next start.
 */
export class SchemaDrift0016 extends ReadModelMigration {
  override name = '0016-schema-drift';

  override up(): void {
    this.addSql(
      this.ddl.createTable('schema_drift', {
        id: column.string().primary(),
        integration_id: column.string(),
        environment: column.string(),
        version: column.integer(),
        status: column.string(),
        differences: column.json(),
        breaking: column.integer(),
        non_breaking: column.integer(),
        entities: column.json(),
        api_keys: column.json(),
        detected_at: column.string().nullable(),
        resolved_at: column.string().nullable(),
      }),
    );
    this.addSql(this.ddl.createIndex('schema_drift', ['integration_id']));
    this.addSql(
      this.ddl.createTable('environment_drift_checks', {
        environment: column.string().primary(),
        checked_at: column.string(),
        integrations: column.integer(),
        breaking: column.integer(),
        non_breaking: column.integer(),
        unreachable: column.integer(),
      }),
    );
  }

  override down(): void {
    this.addSql(this.ddl.dropTable('environment_drift_checks'));
    this.addSql(this.ddl.dropTable('schema_drift'));
  }
}
