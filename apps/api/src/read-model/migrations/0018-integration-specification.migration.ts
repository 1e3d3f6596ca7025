import { column } from './ddl';
import { ReadModelMigration } from './read-model-migration';

/**
 * The integrations view learns the service specification an integration is built from. No event
 * before this release uploads one, so every existing row keeps it null, as folding the log again would.
 */
export class IntegrationSpecification0018 extends ReadModelMigration {
  override name = '0018-integration-specification';

  override up(): void {
    this.addSql(this.ddl.addColumn('integrations', 'specification_id', column.string().nullable()));
  }

  override down(): void {
    this.addSql(this.ddl.dropColumn('integrations', 'specification_id'));
  }
}
