import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type EnvironmentKind, type RuntimeDependency } from '@ib/domain';
import { type AuthenticatedUser, authorize } from '../../../identity';
import {
  type DependencyUpdateView,
  DependencyViews,
  installedIn,
  type RepublishRequirementView,
  updatesIn,
} from './dependency-views';
import { IntegrationViews } from '../../../integrations';
import { type BreakingUpdateAffecting, breakingUpdatesAffecting } from './breaking-updates-affecting';
import {
  assertCanRead,
  type List,
} from '../../publications/publication-queries/integration-publications.queries';
import { RUNTIME_DEPENDENCIES } from '../../publications/publication-settings';

/** A runtime dependency as installed now in one environment: the shipped version until updated there. */
export type InstalledDependencyEntry = Readonly<{
  name: string;
  version: string;
  /** The version shipped with the product. */
  shippedVersion: string;
  updated: boolean;
  installedBy?: string;
  installedAt?: string;
  /** The updates that reached the environment, oldest first. */
  updates: readonly DependencyUpdateView[];
}>;

export type InstalledDependencies = List<InstalledDependencyEntry> & Readonly<{ environment: string }>;

/** `environment`: the one to list; the caller's logged-in environment when absent. */
export class ListDependenciesQuery extends Query<InstalledDependencies> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly environment?: string,
  ) {
    super();
  }
}

@QueryHandler(ListDependenciesQuery)
export class ListDependenciesHandler implements IQueryHandler<ListDependenciesQuery> {
  constructor(private readonly dependencies: DependencyViews) {}

  async execute({ user, environment: asked }: ListDependenciesQuery): Promise<InstalledDependencies> {
    const environment = asked ?? user.environment;
    authorize(user, 'dependency.read', environment);
    const updated = new Map((await this.dependencies.list()).map((view) => [view.name, view]));
    const items = RUNTIME_DEPENDENCIES.map(({ name, version }): InstalledDependencyEntry => {
      const view = updated.get(name);
      const installed = view && installedIn(view, environment);
      if (view === undefined || installed === undefined)
        return { name, version, shippedVersion: version, updated: false, updates: [] };
      return {
        name,
        version: installed.version,
        shippedVersion: version,
        updated: true,
        installedBy: installed.installedBy,
        installedAt: installed.installedAt,
        updates: updatesIn(view, environment),
      };
    });
    return { environment, items, total: items.length };
  }
}

/** What the version deployed in one environment was built against, and whether it must be republished. */
export type EnvironmentDependencies = Readonly<{
  environment: string;
  environmentKind: EnvironmentKind;
  version: number;
  builtAgainst: readonly RuntimeDependency[];
  republishRequired: boolean;
  /** This environment's own requirements and those of updates installed everywhere. */
  republishRequirements: readonly RepublishRequirementView[];
  /**
   * The breaking updates installed in any environment that the version served here was built before:
   * where one is installed, a republish is required; everywhere else the version still serves, but
   * needs a version built against the update before the update reaches it.
   */
  breakingUpdates: readonly BreakingUpdateAffecting[];
  /** A republish is required here, or the version served here was built before a breaking update installed elsewhere. */
  needsAttention: boolean;
}>;

/**
 * What an integration's latest published version runs on, and, in each environment it is deployed in,
 * what the version there runs on and whether it must be republished.
 */
export type IntegrationDependencies = Readonly<{
  integrationId: string;
  latestVersion?: number;
  builtAgainst: readonly RuntimeDependency[];
  /** In at least one environment. */
  republishRequired: boolean;
  /** Every requirement; one of an environment names it. */
  republishRequirements: readonly RepublishRequirementView[];
  /** In at least one environment (see EnvironmentDependencies). */
  needsAttention: boolean;
  environments: readonly EnvironmentDependencies[];
}>;

export class GetIntegrationDependenciesQuery extends Query<IntegrationDependencies> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly integrationId: string,
  ) {
    super();
  }
}

@QueryHandler(GetIntegrationDependenciesQuery)
export class GetIntegrationDependenciesHandler implements IQueryHandler<GetIntegrationDependenciesQuery> {
  constructor(
    private readonly views: IntegrationViews,
    private readonly dependencies: DependencyViews,
  ) {}

  async execute({ user, integrationId }: GetIntegrationDependenciesQuery): Promise<IntegrationDependencies> {
    await assertCanRead(this.views, integrationId, user);
    // Never published: built against nothing yet, so nothing to republish either.
    const state = await this.dependencies.stateOf(integrationId);
    const updates = state === undefined ? [] : await this.dependencies.list();
    const everywhere = state?.republishRequired ?? [];
    const environments = (state?.environments ?? []).map(
      ({ republishRequired, ...deployed }): EnvironmentDependencies => {
        const requirements = [...everywhere, ...republishRequired];
        const breakingUpdates = breakingUpdatesAffecting(deployed.builtAgainst, updates);
        return {
          ...deployed,
          republishRequired: requirements.length > 0,
          republishRequirements: requirements,
          breakingUpdates,
          needsAttention: requirements.length > 0 || breakingUpdates.length > 0,
        };
      },
    );
    const requirements = [
      ...everywhere,
      ...(state?.environments ?? []).flatMap(({ republishRequired }) => republishRequired),
    ];
    return {
      integrationId,
      ...(state?.latestVersion === undefined ? {} : { latestVersion: state.latestVersion }),
      builtAgainst: state?.builtAgainst ?? [],
      republishRequired: requirements.length > 0,
      republishRequirements: requirements,
      needsAttention: requirements.length > 0 || environments.some(({ needsAttention }) => needsAttention),
      environments,
    };
  }
}
