import { type EnvironmentKind, type RoleGrant } from '@ib/domain';
import { defineEntity, type EntitySchema, p } from '@mikro-orm/libsql';

/*
 * One table per view. Property names are the view's field names (columns are their snake_case), so a
 * row maps to its document one to one: scalar columns for what is filtered or sorted, JSON columns for
 * nested data. Optional view fields are nullable columns; NULL reads back as an absent field.
 * The schema itself is owned by the migrations in ./migrations; these schemas must describe the same
 * tables (read-model-orm.spec.ts checks that the ORM finds nothing to change).
 */

export const EnvironmentRow = defineEntity({
  name: 'EnvironmentRow',
  tableName: 'environments',
  properties: {
    name: p.string().primary(),
    kind: p.string().$type<EnvironmentKind>(),
    address: p.string().nullable(),
    createdBy: p.string(),
    createdAt: p.string(),
  },
});

export const UserRow = defineEntity({
  name: 'UserRow',
  tableName: 'users',
  properties: {
    id: p.string().primary(),
    // Not unique here: the User aggregate owns that rule, and a projection must never refuse an event.
    username: p.string().index(),
    displayName: p.string().nullable(),
    roles: p.json<readonly RoleGrant[]>(),
    owner: p.boolean().default(false),
    createdBy: p.string(),
    createdAt: p.string(),
    updatedAt: p.string(),
    version: p.integer(),
  },
});

export const ApiKeyRow = defineEntity({
  name: 'ApiKeyRow',
  tableName: 'api_keys',
  properties: {
    id: p.string().primary(),
    environment: p.string(),
    appName: p.string(),
    label: p.string(),
    hint: p.string(),
    status: p.string().$type<'active' | 'revoked'>(),
    createdBy: p.string(),
    createdAt: p.string(),
    revokedBy: p.string().nullable(),
    revokedAt: p.string().nullable(),
  },
  indexes: [{ properties: ['environment', 'createdAt'] }],
});

/** Kept apart from `users` so the session version never reaches the users the API lists. */
export const UserSessionRow = defineEntity({
  name: 'UserSessionRow',
  tableName: 'user_sessions',
  properties: {
    id: p.string().primary(),
    username: p.string(),
    roles: p.json<readonly RoleGrant[]>(),
    owner: p.boolean(),
    sessionVersion: p.integer(),
  },
});

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

/** The read model's own tables, beside the views' tables: checkpoints and process instances. */
export const READ_MODEL_TABLES = [ProjectionCheckpointRow, ProcessInstanceRow] as const;

/**
 * The table of each view the read model still defines itself, by projection name. A context that owns
 * its views (connections, integrations, publishing) exports them from its face; the app shell hands every view to ReadModelModule.
 */
export const VIEW_ENTITIES: Readonly<Record<string, EntitySchema>> = {
  environments: EnvironmentRow,
  users: UserRow,
  api_keys: ApiKeyRow,
  user_sessions: UserSessionRow,
};
