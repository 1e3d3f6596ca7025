import { Migration } from '@mikro-orm/migrations';

/**
 * The integrations view learns which version is published and whether the draft moved on since.
 * Existing rows lack both, so the view is emptied and its checkpoint dropped: the projection runner
 * folds it again from position 0 at start (the event store is the source of truth).
 */
export class IntegrationPublishedVersion0003 extends Migration {
  override name = '0003-integration-published-version';

  override up(): void {
    this.addSql('alter table `integrations` add column `published_version` integer null');
    this.addSql('alter table `integrations` add column `published_integration_version` integer null');
    this.addSql('alter table `integrations` add column `unpublished_changes` integer not null default true');
    this.addSql('delete from `integrations`');
    this.addSql("delete from `projection_checkpoints` where `name` = 'integrations'");
  }

  override down(): void {
    this.addSql('alter table `integrations` drop column `unpublished_changes`');
    this.addSql('alter table `integrations` drop column `published_integration_version`');
    this.addSql('alter table `integrations` drop column `published_version`');
  }
}
