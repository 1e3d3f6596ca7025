import { column } from './ddl';
import { ReadModelMigration } from './read-model-migration';

/**
 * The Integration Manager views and the projection checkpoints. Committed SQL, never regenerated:
 * a later change to a view is a new migration (the rows can then be rebuilt from the event store).
 */
export class CreateReadModel0001 extends ReadModelMigration {
  override name = '0001-create-read-model';

  override up(): void {
    const { ddl } = this;
    this.addSql(
      ddl.createTable('integrations', {
        id: column.string().primary(),
        environment: column.string(),
        provider: column.string(),
        application_name: column.string(),
        module_name: column.string(),
        description: column.text(),
        icon: column.text().nullable(),
        status: column.string(),
        connection_id: column.string().nullable(),
        database: column.string().nullable(),
        entities: column.json(),
        created_by: column.string(),
        created_at: column.string(),
        updated_at: column.string(),
        version: column.integer(),
      }),
    );
    this.addSql(ddl.createIndex('integrations', ['environment', 'updated_at']));
    this.addSql(ddl.createIndex('integrations', ['updated_at']));

    this.addSql(
      ddl.createTable('connections', {
        id: column.string().primary(),
        environment: column.string(),
        name: column.string(),
        provider: column.string(),
        details: column.json(),
        has_secret: column.boolean(),
        created_by: column.string(),
        created_at: column.string(),
        request_id: column.string().nullable(),
        requested_by: column.string().nullable(),
        deleted: column.boolean(),
        version: column.integer(),
      }),
    );
    this.addSql(ddl.createIndex('connections', ['environment', 'name']));
    this.addSql(ddl.createIndex('connections', ['name']));

    this.addSql(
      ddl.createTable('connection_requests', {
        id: column.string().primary(),
        environment: column.string(),
        name: column.string(),
        provider: column.string(),
        details: column.json(),
        note: column.text().nullable(),
        status: column.string(),
        requested_by: column.string(),
        requested_at: column.string(),
        decided_by: column.string().nullable(),
        decided_at: column.string().nullable(),
        reason: column.text().nullable(),
        connection_id: column.string().nullable(),
        version: column.integer(),
      }),
    );
    this.addSql(ddl.createIndex('connection_requests', ['environment', 'requested_at']));
    this.addSql(ddl.createIndex('connection_requests', ['requested_by', 'requested_at']));
    this.addSql(ddl.createIndex('connection_requests', ['requested_at']));

    this.addSql(
      ddl.createTable('environments', {
        name: column.string().primary(),
        kind: column.string(),
        address: column.string().nullable(),
        created_by: column.string(),
        created_at: column.string(),
      }),
    );

    this.addSql(
      ddl.createTable('users', {
        id: column.string().primary(),
        username: column.string(),
        display_name: column.string().nullable(),
        roles: column.json(),
        created_by: column.string(),
        created_at: column.string(),
        updated_at: column.string(),
        version: column.integer(),
      }),
    );
    this.addSql(ddl.createIndex('users', ['username']));

    this.addSql(
      ddl.createTable('projection_checkpoints', {
        name: column.string().primary(),
        position: column.bigint(),
        updated_at: column.string(),
      }),
    );
  }

  override down(): void {
    for (const table of [
      'projection_checkpoints',
      'users',
      'environments',
      'connection_requests',
      'connections',
      'integrations',
    ])
      this.addSql(this.ddl.dropTable(table));
  }
}
