import { defineEntity, type EntityProperty, IntegerType, p, type Platform } from '@mikro-orm/libsql';
import { dialectOf } from './migrations/ddl';

/*
 * The read model's own tables. Each view's table is described beside its projection, in the query
 * folder of the context that owns it. The schema itself is owned by the migrations in ./migrations;
 * these schemas must describe the same tables (read-model-orm.spec.ts checks that the ORM finds
 * nothing to change).
 */

/**
 * A 64-bit integer read as a number (log positions, epoch milliseconds): `bigint` in MySQL, whose `int`
 * has 32 bits, and `integer` in SQLite, whose integers all have 64 (as the migrations create them).
 */
class LongIntegerType extends IntegerType {
  override getColumnType(prop: EntityProperty, platform: Platform): string {
    return dialectOf(platform) === 'mysql'
      ? platform.getBigIntTypeDeclarationSQL(prop)
      : super.getColumnType(prop, platform);
  }
}

/** How far each projection has applied the log; written in the same transaction as its rows. */
export const ProjectionCheckpointRow = defineEntity({
  name: 'ProjectionCheckpointRow',
  tableName: 'projection_checkpoints',
  properties: {
    name: p.string().primary(),
    position: p.type(LongIntegerType),
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
    expiresAt: p.type(LongIntegerType),
    acquiredAt: p.type(LongIntegerType),
  },
});

/**
 * What the notifications reactor told a user; `readAt` is the user's own state, set by them. Not a
 * view: no projection rebuilds it (see the notifications context).
 */
export const NotificationRow = defineEntity({
  name: 'NotificationRow',
  tableName: 'notifications',
  properties: {
    id: p.string().primary(),
    userId: p.string(),
    kind: p.string(),
    title: p.text(),
    body: p.text(),
    link: p.string(),
    eventId: p.string().index(),
    // Every instance's live stream follows new notifications by position (see NotificationPush).
    position: p.type(LongIntegerType).index(),
    environment: p.string().nullable(),
    createdAt: p.string(),
    readAt: p.string().nullable(),
  },
  indexes: [{ properties: ['userId', 'position'] }],
});

/** The email of one notification: recorded (pending) before it is sent, then marked sent. */
export const MailDeliveryRow = defineEntity({
  name: 'MailDeliveryRow',
  tableName: 'mail_deliveries',
  properties: {
    id: p.string().primary(),
    recipient: p.string(),
    state: p.string(),
    attempts: p.integer(),
    lastError: p.text().nullable(),
    sentAt: p.string().nullable(),
  },
});

/**
 * The calls each API key made on each day (UTC, `YYYY-MM-DD`) and the last one: counted in memory by
 * the data API and added here in batches (see ApiKeyUsage). Operational data, not a view of the log.
 */
export const ApiKeyUsageRow = defineEntity({
  name: 'ApiKeyUsageRow',
  tableName: 'api_key_usage',
  properties: {
    keyId: p.string().primary(),
    day: p.string().primary(),
    calls: p.type(LongIntegerType),
    lastUsedAt: p.string(),
  },
});

/**
 * The read model's own tables, beside the views' tables: checkpoints, process instances, leases, and
 * the tables reactors write themselves (notifications and their mail deliveries), API key usage.
 */
export const READ_MODEL_TABLES = [
  ProjectionCheckpointRow,
  ProcessInstanceRow,
  JobLeaseRow,
  NotificationRow,
  MailDeliveryRow,
  ApiKeyUsageRow,
] as const;
