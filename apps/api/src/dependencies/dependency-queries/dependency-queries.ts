import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type RuntimeDependency } from '@ib/domain';
import { type AuthenticatedUser } from '../../auth/authenticated-user';
import { ReadModel } from '../../infrastructure/read-model/read-model';
import { IntegrationViews } from '../../integrations/integration-queries/integration-views';
import { type DependencyUpdateView, type RepublishRequirementView } from '../../projections';
import {
  assertCanRead,
  type List,
} from '../../publications/publication-queries/integration-publications.queries';
import { RUNTIME_DEPENDENCIES } from '../../publications/publication-settings';

/** A runtime dependency as installed now: the shipped version until an update was installed. */
export type InstalledDependencyEntry = Readonly<{
  name: string;
  version: string;
  /** The version shipped with the product. */
  shippedVersion: string;
  updated: boolean;
  installedBy?: string;
  installedAt?: string;
  updates: readonly DependencyUpdateView[];
}>;

export class ListDependenciesQuery extends Query<List<InstalledDependencyEntry>> {}

@QueryHandler(ListDependenciesQuery)
export class ListDependenciesHandler implements IQueryHandler<ListDependenciesQuery> {
  constructor(private readonly readModel: ReadModel) {}

  async execute() {
    const updated = new Map((await this.readModel.listDependencies()).map((view) => [view.name, view]));
    const items = RUNTIME_DEPENDENCIES.map(({ name, version }): InstalledDependencyEntry => {
      const view = updated.get(name);
      if (view === undefined) return { name, version, shippedVersion: version, updated: false, updates: [] };
      return {
        name,
        version: view.version,
        shippedVersion: version,
        updated: true,
        installedBy: view.installedBy,
        installedAt: view.installedAt,
        updates: view.updates,
      };
    });
    return { items, total: items.length };
  }
}

/** What an integration's latest published version runs on, and whether it must be republished. */
export type IntegrationDependencies = Readonly<{
  integrationId: string;
  latestVersion?: number;
  builtAgainst: readonly RuntimeDependency[];
  republishRequired: boolean;
  republishRequirements: readonly RepublishRequirementView[];
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
    private readonly readModel: ReadModel,
  ) {}

  async execute({ user, integrationId }: GetIntegrationDependenciesQuery): Promise<IntegrationDependencies> {
    await assertCanRead(this.views, integrationId, user);
    // Never published: built against nothing yet, so nothing to republish either.
    const state = await this.readModel.getIntegrationDependencyState(integrationId);
    const requirements = state?.republishRequired ?? [];
    return {
      integrationId,
      ...(state?.latestVersion === undefined ? {} : { latestVersion: state.latestVersion }),
      builtAgainst: state?.builtAgainst ?? [],
      republishRequired: requirements.length > 0,
      republishRequirements: requirements,
    };
  }
}
