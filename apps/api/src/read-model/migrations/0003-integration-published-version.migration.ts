import { column } from './ddl';
import { ReadModelMigration } from './read-model-migration';

/**
 * The integrations view learns which version is published and whether the draft moved on since.
 * Existing rows lack both, so the view is emptied and its checkpoint dropped: the projection runner
 * folds it again from position 0 at start (the event store is the source of truth).
 */
export class IntegrationPublishedVersion0003 extends ReadModelMigration {
  override name = '0003-integration-published-version';

  override up(): void {
    const { ddl } = this;
    this.addSql(ddl.addColumn('integrations', 'published_version', column.integer().nullable()));
    this.addSql(ddl.addColumn('integrations', 'published_integration_version', column.integer().nullable()));
    this.addSql(ddl.addColumn('integrations', 'unpublished_changes', column.boolean().default(true)));
    this.addSql('delete from `integrations`');
    this.addSql("delete from `projection_checkpoints` where `name` = 'integrations'");
  }

  override down(): void {
    const { ddl } = this;
    this.addSql(ddl.dropColumn('integrations', 'unpublished_changes'));
    this.addSql(ddl.dropColumn('integrations', 'published_integration_version'));
    this.addSql(ddl.dropColumn('integrations', 'published_version'));
  }
}
