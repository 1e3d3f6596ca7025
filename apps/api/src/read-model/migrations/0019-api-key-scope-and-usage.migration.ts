import { column } from './ddl';
import { ReadModelMigration } from './read-model-migration';

/**
 * The API keys view learns each key's scope (no event before this release records one, so every
 * existing row keeps it null, unscoped, as folding the log again would), and the calls each key made
 * per day: operational data counted by the data API and written in batches, not a view of the log
 * (no projection rebuilds it, a replay leaves it as it is).
 */
export class ApiKeyScopeAndUsage0019 extends ReadModelMigration {
  override name = '0019-api-key-scope-and-usage';

  override up(): void {
    this.addSql(this.ddl.addColumn('api_keys', 'scope', column.json().nullable()));
    this.addSql(
      this.ddl.createTable('api_key_usage', {
        key_id: column.string().primary(),
        day: column.string().primary(),
        calls: column.bigint(),
        last_used_at: column.string(),
      }),
    );
  }

  override down(): void {
    this.addSql(this.ddl.dropTable('api_key_usage'));
    this.addSql(this.ddl.dropColumn('api_keys', 'scope'));
  }
}
