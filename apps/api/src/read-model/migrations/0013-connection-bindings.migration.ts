import { column } from './ddl';
import { ReadModelMigration } from './read-model-migration';

/**
 * Which connection serves each deployment, for Connections to refuse deleting a connection in use. A
 * new table only: a view without a checkpoint is folded from position 0 once, at the next start.
 */
export class ConnectionBindings0013 extends ReadModelMigration {
  override name = '0013-connection-bindings';

  override up(): void {
    this.addSql(
      this.ddl.createTable('connection_bindings', {
        id: column.string().primary(),
        integration_id: column.string(),
        environment: column.string(),
        connection_id: column.string(),
      }),
    );
    this.addSql(this.ddl.createIndex('connection_bindings', ['connection_id']));
  }

  override down(): void {
    this.addSql(this.ddl.dropTable('connection_bindings'));
  }
}
