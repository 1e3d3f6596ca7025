import { column } from './ddl';
import { ReadModelMigration } from './read-model-migration';

/**
 * Which instance runs each background job (the projections, the process managers), until when, and
 * the fencing token that changes whenever another instance takes a job over.
 */
export class JobLeases0009 extends ReadModelMigration {
  override name = '0009-job-leases';

  override up(): void {
    this.addSql(
      this.ddl.createTable('job_leases', {
        job: column.string().primary(),
        holder: column.string(),
        token: column.integer(),
        expires_at: column.bigint(),
        acquired_at: column.bigint(),
      }),
    );
  }

  override down(): void {
    this.addSql(this.ddl.dropTable('job_leases'));
  }
}
