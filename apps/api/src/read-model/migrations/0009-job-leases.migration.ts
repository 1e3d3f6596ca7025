import { Migration } from '@mikro-orm/migrations';

/**
 * Which instance runs each background job (the projections, the process managers), until when, and
 * the fencing token that changes whenever another instance takes a job over.
 */
export class JobLeases0009 extends Migration {
  override name = '0009-job-leases';

  override up(): void {
    this.addSql(
      'create table `job_leases` (`job` text not null primary key, `holder` text not null, ' +
        '`token` integer not null, `expires_at` integer not null, `acquired_at` integer not null)',
    );
  }

  override down(): void {
    this.addSql('drop table if exists `job_leases`');
  }
}
