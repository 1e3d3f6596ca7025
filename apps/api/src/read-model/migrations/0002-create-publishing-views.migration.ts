import { column } from './ddl';
import { ReadModelMigration } from './read-model-migration';

/**
 * The publishing views: publications, deployments, the dependency state of each integration, the
 * runtime dependencies and the API keys. New tables only; their rows are built by the projection
 * runner from the event store (every view starts at position 0), so nothing is migrated here.
 */
export class CreatePublishingViews0002 extends ReadModelMigration {
  override name = '0002-create-publishing-views';

  override up(): void {
    const { ddl } = this;
    this.addSql(
      ddl.createTable('publications', {
        id: column.string().primary(),
        integration_id: column.string(),
        integration_version: column.integer(),
        version: column.integer(),
        environment: column.string(),
        status: column.string(),
        steps: column.json(),
        reason: column.text().nullable(),
        failed_step: column.string().nullable(),
        package_hash: column.string().nullable(),
        generator_version: column.string().nullable(),
        dependencies: column.json().nullable(),
        requested_by: column.string(),
        requested_at: column.string(),
        finished_at: column.string().nullable(),
      }),
    );
    this.addSql(ddl.createIndex('publications', ['integration_id', 'requested_at']));
    this.addSql(ddl.createIndex('publications', ['integration_id', 'status', 'version']));

    this.addSql(
      ddl.createTable('deployments', {
        id: column.string().primary(),
        integration_id: column.string(),
        environment: column.string(),
        environment_kind: column.string(),
        version: column.integer(),
        deployed_by: column.string(),
        deployed_at: column.string(),
        connection_id: column.string().nullable(),
        connection_provider: column.string().nullable(),
        bound_by: column.string().nullable(),
        bound_at: column.string().nullable(),
      }),
    );
    this.addSql(ddl.createIndex('deployments', ['integration_id', 'environment']));

    // Replaced by 0004 (dependency state per environment).
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

    // Replaced by 0004 (dependencies per environment).
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
      ddl.createTable('api_keys', {
        id: column.string().primary(),
        environment: column.string(),
        app_name: column.string(),
        label: column.string(),
        hint: column.string(),
        status: column.string(),
        created_by: column.string(),
        created_at: column.string(),
        revoked_by: column.string().nullable(),
        revoked_at: column.string().nullable(),
      }),
    );
    this.addSql(ddl.createIndex('api_keys', ['environment', 'created_at']));
  }

  override down(): void {
    for (const table of [
      'api_keys',
      'dependencies',
      'integration_dependency_states',
      'deployments',
      'publications',
    ])
      this.addSql(this.ddl.dropTable(table));
  }
}
