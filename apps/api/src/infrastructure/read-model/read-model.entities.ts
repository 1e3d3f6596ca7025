import {
  type ConnectionDetails,
  type Entity,
  type EnvironmentKind,
  type Provider,
  type RoleGrant,
} from '@ib/domain';
import { defineEntity, p } from '@mikro-orm/libsql';
import { type ConnectionRequestStatus } from '../../projections';

/*
 * One table per view. Property names are the view's field names (columns are their snake_case), so a
 * row maps to its document one to one: scalar columns for what is filtered or sorted, JSON columns for
 * nested data. Optional view fields are nullable columns; NULL reads back as an absent field.
 * The schema itself is owned by the migrations in ./migrations; these schemas must describe the same
 * tables (read-model-orm.spec.ts checks that the ORM finds nothing to change).
 */

export const IntegrationRow = defineEntity({
  name: 'IntegrationRow',
  tableName: 'integrations',
  properties: {
    id: p.string().primary(),
    environment: p.string(),
    provider: p.string().$type<Provider>(),
    applicationName: p.string(),
    moduleName: p.string(),
    description: p.string(),
    icon: p.string().nullable(),
    status: p.string().$type<'draft' | 'open'>(),
    connectionId: p.string().nullable(),
    database: p.string().nullable(),
    entities: p.json<readonly Entity[]>(),
    createdBy: p.string(),
    createdAt: p.string(),
    updatedAt: p.string(),
    version: p.integer(),
  },
  indexes: [{ properties: ['environment', 'updatedAt'] }, { properties: ['updatedAt'] }],
});

export const ConnectionRow = defineEntity({
  name: 'ConnectionRow',
  tableName: 'connections',
  properties: {
    id: p.string().primary(),
    environment: p.string(),
    name: p.string(),
    provider: p.string().$type<Provider>(),
    details: p.json<ConnectionDetails>(),
    hasSecret: p.boolean(),
    createdBy: p.string(),
    createdAt: p.string(),
    requestId: p.string().nullable(),
    requestedBy: p.string().nullable(),
    deleted: p.boolean(),
    version: p.integer(),
  },
  indexes: [{ properties: ['environment', 'name'] }, { properties: ['name'] }],
});

export const ConnectionRequestRow = defineEntity({
  name: 'ConnectionRequestRow',
  tableName: 'connection_requests',
  properties: {
    id: p.string().primary(),
    environment: p.string(),
    name: p.string(),
    provider: p.string().$type<Provider>(),
    details: p.json<ConnectionDetails>(),
    note: p.string().nullable(),
    status: p.string().$type<ConnectionRequestStatus>(),
    requestedBy: p.string(),
    requestedAt: p.string(),
    decidedBy: p.string().nullable(),
    decidedAt: p.string().nullable(),
    reason: p.string().nullable(),
    connectionId: p.string().nullable(),
    version: p.integer(),
  },
  indexes: [
    { properties: ['environment', 'requestedAt'] },
    { properties: ['requestedBy', 'requestedAt'] },
    { properties: ['requestedAt'] },
  ],
});

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
    createdBy: p.string(),
    createdAt: p.string(),
    updatedAt: p.string(),
    version: p.integer(),
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

export const READ_MODEL_ENTITIES = [
  IntegrationRow,
  ConnectionRow,
  ConnectionRequestRow,
  EnvironmentRow,
  UserRow,
  ProjectionCheckpointRow,
] as const;

/** The table of each projection's view, by projection name. */
export const VIEW_ENTITIES: Readonly<Record<string, (typeof READ_MODEL_ENTITIES)[number]>> = {
  integrations: IntegrationRow,
  connections: ConnectionRow,
  connection_requests: ConnectionRequestRow,
  environments: EnvironmentRow,
  users: UserRow,
};
