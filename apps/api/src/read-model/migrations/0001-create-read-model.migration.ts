import { Migration } from '@mikro-orm/migrations';

/**
 * The Integration Manager views and the projection checkpoints. Committed SQL, never regenerated:
 * a later change to a view is a new migration (the rows can then be rebuilt from the event store).
 */
export class CreateReadModel0001 extends Migration {
  override name = '0001-create-read-model';

  override up(): void {
    this.addSql(
      'create table `integrations` (`id` text not null primary key, `environment` text not null, ' +
        '`provider` text not null, `application_name` text not null, `module_name` text not null, ' +
        '`description` text not null, `icon` text null, `status` text not null, `connection_id` text null, ' +
        '`database` text null, `entities` json not null, `created_by` text not null, `created_at` text not null, ' +
        '`updated_at` text not null, `version` integer not null)',
    );
    this.addSql(
      'create index `integrations_environment_updated_at_index` on `integrations` (`environment`, `updated_at`)',
    );
    this.addSql('create index `integrations_updated_at_index` on `integrations` (`updated_at`)');

    this.addSql(
      'create table `connections` (`id` text not null primary key, `environment` text not null, ' +
        '`name` text not null, `provider` text not null, `details` json not null, `has_secret` integer not null, ' +
        '`created_by` text not null, `created_at` text not null, `request_id` text null, `requested_by` text null, ' +
        '`deleted` integer not null, `version` integer not null)',
    );
    this.addSql('create index `connections_environment_name_index` on `connections` (`environment`, `name`)');
    this.addSql('create index `connections_name_index` on `connections` (`name`)');

    this.addSql(
      'create table `connection_requests` (`id` text not null primary key, `environment` text not null, ' +
        '`name` text not null, `provider` text not null, `details` json not null, `note` text null, ' +
        '`status` text not null, `requested_by` text not null, `requested_at` text not null, ' +
        '`decided_by` text null, `decided_at` text null, `reason` text null, `connection_id` text null, ' +
        '`version` integer not null)',
    );
    this.addSql(
      'create index `connection_requests_environment_requested_at_index` on `connection_requests` ' +
        '(`environment`, `requested_at`)',
    );
    this.addSql(
      'create index `connection_requests_requested_by_requested_at_index` on `connection_requests` ' +
        '(`requested_by`, `requested_at`)',
    );
    this.addSql(
      'create index `connection_requests_requested_at_index` on `connection_requests` (`requested_at`)',
    );

    this.addSql(
      'create table `environments` (`name` text not null primary key, `kind` text not null, `address` text null, ' +
        '`created_by` text not null, `created_at` text not null)',
    );

    this.addSql(
      'create table `users` (`id` text not null primary key, `username` text not null, `display_name` text null, ' +
        '`roles` json not null, `created_by` text not null, `created_at` text not null, ' +
        '`updated_at` text not null, `version` integer not null)',
    );
    this.addSql('create index `users_username_index` on `users` (`username`)');

    this.addSql(
      'create table `projection_checkpoints` (`name` text not null primary key, `position` integer not null, ' +
        '`updated_at` text not null)',
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
      this.addSql(`drop table if exists \`${table}\``);
  }
}
