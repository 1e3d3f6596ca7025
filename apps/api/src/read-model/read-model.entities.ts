import {
  type EnvironmentKind,
  type Provider,
  type PublicationStep,
  type RuntimeDependency,
} from '@ib/domain';
import { defineEntity, type EntitySchema, p } from '@mikro-orm/libsql';
import {
  type DependencyUpdateView,
  type EnvironmentDependencyStateView,
  type EnvironmentVersionView,
  type InstalledVersionView,
  type PendingBuildView,
  type PublicationStepView,
  type RepublishRequirementView,
  type VersionBuildView,
} from './projections';

/*
 * One table per view. Property names are the view's field names (columns are their snake_case), so a
 * row maps to its document one to one: scalar columns for what is filtered or sorted, JSON columns for
 * nested data. Optional view fields are nullable columns; NULL reads back as an absent field.
 * The schema itself is owned by the migrations in ./migrations; these schemas must describe the same
 * tables (read-model-orm.spec.ts checks that the ORM finds nothing to change).
 */

export const PublicationRow = defineEntity({
  name: 'PublicationRow',
  tableName: 'publications',
  properties: {
    id: p.string().primary(),
    integrationId: p.string(),
    integrationVersion: p.integer(),
    version: p.integer(),
    environment: p.string(),
    status: p.string().$type<'running' | 'published' | 'failed'>(),
    steps: p.json<readonly PublicationStepView[]>(),
    reason: p.string().nullable(),
    failedStep: p.string().$type<PublicationStep>().nullable(),
    packageHash: p.string().nullable(),
    generatorVersion: p.string().nullable(),
    dependencies: p.json<readonly RuntimeDependency[]>().nullable(),
    requestedBy: p.string(),
    requestedAt: p.string(),
    finishedAt: p.string().nullable(),
  },
  // An integration's publications newest first, and its published versions.
  indexes: [
    { properties: ['integrationId', 'requestedAt'] },
    { properties: ['integrationId', 'status', 'version'] },
  ],
});

export const DeploymentRow = defineEntity({
  name: 'DeploymentRow',
  tableName: 'deployments',
  properties: {
    id: p.string().primary(),
    integrationId: p.string(),
    environment: p.string(),
    environmentKind: p.string().$type<EnvironmentKind>(),
    version: p.integer(),
    deployedBy: p.string(),
    deployedAt: p.string(),
    connectionId: p.string().nullable(),
    connectionProvider: p.string().$type<Provider>().nullable(),
    boundBy: p.string().nullable(),
    boundAt: p.string().nullable(),
  },
  indexes: [{ properties: ['integrationId', 'environment'] }],
});

export const IntegrationDependencyStateRow = defineEntity({
  name: 'IntegrationDependencyStateRow',
  tableName: 'integration_dependency_states',
  properties: {
    id: p.string().primary(),
    latestVersion: p.integer().nullable(),
    builtAgainst: p.json<readonly RuntimeDependency[]>(),
    versions: p.json<readonly VersionBuildView[]>(),
    pending: p.json<readonly PendingBuildView[]>(),
    environments: p.json<readonly EnvironmentDependencyStateView[]>(),
    republishRequired: p.json<readonly RepublishRequirementView[]>(),
    updatedAt: p.string(),
  },
});

export const DependencyRow = defineEntity({
  name: 'DependencyRow',
  tableName: 'dependencies',
  properties: {
    name: p.string().primary(),
    everywhere: p.json<InstalledVersionView>().nullable(),
    environments: p.json<readonly EnvironmentVersionView[]>(),
    updates: p.json<readonly DependencyUpdateView[]>(),
  },
});

export const RepublishRunRow = defineEntity({
  name: 'RepublishRunRow',
  tableName: 'republish_runs',
  properties: {
    id: p.string().primary(),
    environment: p.string().nullable(),
    startedAt: p.string(),
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
 * its views (connections, integrations) exports them from its face; the app shell hands every view to ReadModelModule.
 */
export const VIEW_ENTITIES: Readonly<Record<string, EntitySchema>> = {
  publications: PublicationRow,
  deployments: DeploymentRow,
  integration_dependency_states: IntegrationDependencyStateRow,
  dependencies: DependencyRow,
  republish_runs: RepublishRunRow,
};
