import { column } from './ddl';
import { ReadModelMigration } from './read-model-migration';

/**
 * Four-eyes: the environments view learns each environment's effective policy, and the change
 * requests get a view. No event before this release changes a policy, so each row gets its kind's
 * default (on in production), which is what folding the log again would give it.
 */
export class FourEyes0015 extends ReadModelMigration {
  override name = '0015-four-eyes';

  override up(): void {
    const { ddl } = this;
    this.addSql(ddl.addColumn('environments', 'four_eyes', column.boolean().default(false)));
    this.addSql("update `environments` set `four_eyes` = true where `kind` = 'production'");
    this.addSql(
      ddl.createTable('change_requests', {
        id: column.string().primary(),
        environment: column.string(),
        kind: column.string(),
        summary: column.text(),
        change: column.json(),
        status: column.string(),
        requested_by: column.string(),
        requested_at: column.string(),
        decided_by: column.string().nullable(),
        decided_at: column.string().nullable(),
        reason: column.text().nullable(),
        completed_at: column.string().nullable(),
        failure_code: column.string().nullable(),
        failure_message: column.text().nullable(),
        version: column.integer(),
      }),
    );
    this.addSql(ddl.createIndex('change_requests', ['environment', 'requested_at']));
    this.addSql(ddl.createIndex('change_requests', ['requested_by', 'requested_at']));
    this.addSql(ddl.createIndex('change_requests', ['requested_at']));
  }

  override down(): void {
    const { ddl } = this;
    this.addSql(ddl.dropTable('change_requests'));
    this.addSql(ddl.dropColumn('environments', 'four_eyes'));
  }
}
