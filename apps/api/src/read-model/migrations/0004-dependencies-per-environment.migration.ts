import { column } from './ddl';
import { ReadModelMigration } from './read-model-migration';

/**
 * Runtime dependencies are installed per environment: the dependencies view keeps the version of
 * each environment, and the dependency state of an integration keeps each environment it is deployed
 * in. Both tables are made anew, empty, and their checkpoints dropped: the projection runner folds
 * them again from position 0 at start (the event store is the source of truth).
 */
export class DependenciesPerEnvironment0004 extends ReadModelMigration {
  override name = '0004-dependencies-per-environment';

  override up(): void {
    const { ddl } = this;
    this.addSql(ddl.dropTable('integration_dependency_states'));
    this.addSql(
      ddl.createTable('integration_dependency_states', {
        id: column.string().primary(),
        latest_version: column.integer().nullable(),
        built_against: column.json(),
        versions: column.json(),
        pending: column.json(),
        environments: column.json(),
        republish_required: column.json(),
        updated_at: column.string(),
      }),
    );
    this.addSql(ddl.dropTable('dependencies'));
    this.addSql(
      ddl.createTable('dependencies', {
        name: column.string().primary(),
        everywhere: column.json().nullable(),
        environments: column.json(),
        updates: column.json(),
      }),
    );
    this.addSql(
      "delete from `projection_checkpoints` where `name` in ('integration_dependency_states', 'dependencies')",
    );
  }

  override down(): void {
    const { ddl } = this;
    this.addSql(ddl.dropTable('integration_dependency_states'));
    this.addSql(
      ddl.createTable('integration_dependency_states', {
        id: column.string().primary(),
        latest_version: column.integer().nullable(),
        built_against: column.json(),
        pending: column.json(),
        republish_required: column.json(),
        updated_at: column.string(),
      }),
    );
    this.addSql(ddl.dropTable('dependencies'));
    this.addSql(
      ddl.createTable('dependencies', {
        name: column.string().primary(),
        version: column.string(),
        from_version: column.string(),
        breaking: column.boolean(),
        installed_by: column.string(),
        installed_at: column.string(),
        updates: column.json(),
      }),
    );
    this.addSql(
      "delete from `projection_checkpoints` where `name` in ('integration_dependency_states', 'dependencies')",
    );
  }
}
