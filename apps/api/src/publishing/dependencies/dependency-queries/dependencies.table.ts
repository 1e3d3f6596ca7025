import { type RuntimeDependency } from '@ib/domain';
import { defineEntity, p } from '@mikro-orm/libsql';
import {
  type DependencyUpdateView,
  type EnvironmentVersionView,
  type InstalledVersionView,
} from './dependencies.projection';
import {
  type EnvironmentDependencyStateView,
  type PendingBuildView,
  type RepublishRequirementView,
  type VersionBuildView,
} from './integration-dependency-states.projection';

/*
 * The tables of the dependency views (one row per document, property = field). The read model's
 * migrations create them; read-model-orm.spec.ts checks these descriptions against them.
 */

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
