import { defineEntity, p } from '@mikro-orm/libsql';

/*
 * The read model's own tables. Each view's table is described beside its projection, in the query
 * folder of the context that owns it. The schema itself is owned by the migrations in ./migrations;
 * these schemas must describe the same tables (read-model-orm.spec.ts checks that the ORM finds
 * nothing to change).
 */

/** How far each projection has applied the log; written in the same transaction as its rows. */
export const ProjectionCheckpointRow = defineEntity({
  name: 'ProjectionCheckpointRow',
  tableName: 'projection_checkpoints',
  properties: {
    name: p.string().primary(),
    position: p.integer(),
    updatedAt: p.string(),
  },
});

/** An instance a process manager keeps in flight (no view shows it), by manager; see process-checkpoints.ts. */
export const ProcessInstanceRow = defineEntity({
  name: 'ProcessInstanceRow',
  tableName: 'process_instances',
  properties: {
    process: p.string().primary(),
    id: p.string().primary(),
    document: p.json<object>(),
  },
});

/** Which instance runs each background job; see infrastructure/leases. */
export const JobLeaseRow = defineEntity({
  name: 'JobLeaseRow',
  tableName: 'job_leases',
  properties: {
    job: p.string().primary(),
    holder: p.string(),
    token: p.integer(),
    expiresAt: p.integer(),
    acquiredAt: p.integer(),
  },
});

/** The read model's own tables, beside the views' tables: checkpoints, process instances and leases. */
export const READ_MODEL_TABLES = [ProjectionCheckpointRow, ProcessInstanceRow, JobLeaseRow] as const;
