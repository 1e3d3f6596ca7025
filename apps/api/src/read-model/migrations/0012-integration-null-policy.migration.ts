import { column } from './ddl';
import { ReadModelMigration } from './read-model-migration';

/**
 * The integrations view learns each integration's null policy. The rows stay: no event before this
 * release chooses one, so the default ('preserve', what every manifest published so far records) is
 * what folding the log again would give each of them.
 */
export class IntegrationNullPolicy0012 extends ReadModelMigration {
  override name = '0012-integration-null-policy';

  override up(): void {
    const { ddl } = this;
    this.addSql(ddl.addColumn('integrations', 'null_policy', column.string().nullable()));
    this.addSql("update `integrations` set `null_policy` = 'preserve'");
  }

  override down(): void {
    this.addSql(this.ddl.dropColumn('integrations', 'null_policy'));
  }
}
