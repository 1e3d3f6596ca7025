import { Migration } from '@mikro-orm/migrations';

/**
 * Runtime dependencies are installed per environment: the dependencies view keeps the version of
 * each environment, and the dependency state of an integration keeps each environment it is deployed
 * in. Both tables are made anew, empty, and their checkpoints dropped: the projection runner folds
 * them again from position 0 at start (the event store is the source of truth).
 */
export class DependenciesPerEnvironment0004 extends Migration {
  override name = '0004-dependencies-per-environment';

  override up(): void {
    this.addSql('drop table if exists `integration_dependency_states`');
    this.addSql(
      'create table `integration_dependency_states` (`id` text not null primary key, ' +
        '`latest_version` integer null, `built_against` json not null, `versions` json not null, ' +
        '`pending` json not null, `environments` json not null, `republish_required` json not null, ' +
        '`updated_at` text not null)',
    );
    this.addSql('drop table if exists `dependencies`');
    this.addSql(
      'create table `dependencies` (`name` text not null primary key, `everywhere` json null, ' +
        '`environments` json not null, `updates` json not null)',
    );
    this.addSql(
      "delete from `projection_checkpoints` where `name` in ('integration_dependency_states', 'dependencies')",
    );
  }

  override down(): void {
    this.addSql('drop table if exists `integration_dependency_states`');
    this.addSql(
      'create table `integration_dependency_states` (`id` text not null primary key, ' +
        '`latest_version` integer null, `built_against` json not null, `pending` json not null, ' +
        '`republish_required` json not null, `updated_at` text not null)',
    );
    this.addSql('drop table if exists `dependencies`');
    this.addSql(
      'create table `dependencies` (`name` text not null primary key, `version` text not null, ' +
        '`from_version` text not null, `breaking` integer not null, `installed_by` text not null, ' +
        '`installed_at` text not null, `updates` json not null)',
    );
    this.addSql(
      "delete from `projection_checkpoints` where `name` in ('integration_dependency_states', 'dependencies')",
    );
  }
}
