import { Migration } from '@mikro-orm/migrations';

/**
 * The publishing views: publications, deployments, the dependency state of each integration, the
 * runtime dependencies and the API keys. New tables only; their rows are built by the projection
 * runner from the event store (every view starts at position 0), so nothing is migrated here.
 */
export class CreatePublishingViews0002 extends Migration {
  override name = '0002-create-publishing-views';

  override up(): void {
    this.addSql(
      'create table `publications` (`id` text not null primary key, `integration_id` text not null, ' +
        '`integration_version` integer not null, `version` integer not null, `environment` text not null, ' +
        '`status` text not null, `steps` json not null, `reason` text null, `failed_step` text null, ' +
        '`package_hash` text null, `generator_version` text null, `dependencies` json null, ' +
        '`requested_by` text not null, `requested_at` text not null, `finished_at` text null)',
    );
    this.addSql(
      'create index `publications_integration_id_requested_at_index` on `publications` ' +
        '(`integration_id`, `requested_at`)',
    );
    this.addSql(
      'create index `publications_integration_id_status_version_index` on `publications` ' +
        '(`integration_id`, `status`, `version`)',
    );

    this.addSql(
      'create table `deployments` (`id` text not null primary key, `integration_id` text not null, ' +
        '`environment` text not null, `environment_kind` text not null, `version` integer not null, ' +
        '`deployed_by` text not null, `deployed_at` text not null, `connection_id` text null, ' +
        '`connection_provider` text null, `bound_by` text null, `bound_at` text null)',
    );
    this.addSql(
      'create index `deployments_integration_id_environment_index` on `deployments` ' +
        '(`integration_id`, `environment`)',
    );

    this.addSql(
      'create table `integration_dependency_states` (`id` text not null primary key, ' +
        '`latest_version` integer null, `built_against` json not null, `pending` json not null, ' +
        '`republish_required` json not null, `updated_at` text not null)',
    );

    this.addSql(
      'create table `dependencies` (`name` text not null primary key, `version` text not null, ' +
        '`from_version` text not null, `breaking` integer not null, `installed_by` text not null, ' +
        '`installed_at` text not null, `updates` json not null)',
    );

    this.addSql(
      'create table `api_keys` (`id` text not null primary key, `environment` text not null, ' +
        '`app_name` text not null, `label` text not null, `hint` text not null, `status` text not null, ' +
        '`created_by` text not null, `created_at` text not null, `revoked_by` text null, `revoked_at` text null)',
    );
    this.addSql(
      'create index `api_keys_environment_created_at_index` on `api_keys` (`environment`, `created_at`)',
    );
  }

  override down(): void {
    for (const table of [
      'api_keys',
      'dependencies',
      'integration_dependency_states',
      'deployments',
      'publications',
    ])
      this.addSql(`drop table if exists \`${table}\``);
  }
}
