import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type RuntimeDependency } from '@ib/domain';
import { type AuthenticatedUser, authorize } from '../../../identity';
import { IntegrationViews } from '../../../integrations';
import { type PublicationView, PublicationViews } from './publication-views';

export type List<T> = Readonly<{ items: T[]; total: number }>;

/** A published version as clients download it. */
export type PublishedVersion = Readonly<{
  version: number;
  publicationId: string;
  packageHash: string;
  dependencies: readonly RuntimeDependency[];
  publishedAt: string;
  packageUrl: string;
}>;

/**
 * 404 for an integration that is unknown or that the caller may not read (it does not exist for
 * them); its publications, versions and deployments are for the members of its environment.
 */
export const assertCanRead = async (
  views: IntegrationViews,
  integrationId: string,
  user: AuthenticatedUser,
): Promise<void> => {
  const integration = await views.get(integrationId, user);
  authorize(user, 'publication.read', integration.environment);
};

export class ListIntegrationPublicationsQuery extends Query<List<PublicationView>> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly integrationId: string,
  ) {
    super();
  }
}

@QueryHandler(ListIntegrationPublicationsQuery)
export class ListIntegrationPublicationsHandler implements IQueryHandler<ListIntegrationPublicationsQuery> {
  constructor(
    private readonly views: IntegrationViews,
    private readonly publications: PublicationViews,
  ) {}

  async execute({ user, integrationId }: ListIntegrationPublicationsQuery) {
    await assertCanRead(this.views, integrationId, user);
    const items = await this.publications.list({ integrationId });
    return { items, total: items.length };
  }
}

export class ListIntegrationVersionsQuery extends Query<List<PublishedVersion>> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly integrationId: string,
  ) {
    super();
  }
}

@QueryHandler(ListIntegrationVersionsQuery)
export class ListIntegrationVersionsHandler implements IQueryHandler<ListIntegrationVersionsQuery> {
  constructor(
    private readonly views: IntegrationViews,
    private readonly publications: PublicationViews,
  ) {}

  async execute({ user, integrationId }: ListIntegrationVersionsQuery) {
    await assertCanRead(this.views, integrationId, user);
    const items = (await this.publications.publishedVersions(integrationId)).map(
      (publication): PublishedVersion => ({
        version: publication.version,
        publicationId: publication.id,
        // A published publication always went through generatePackage, checkDependencies and publish.
        packageHash: publication.packageHash ?? '',
        dependencies: publication.dependencies ?? [],
        publishedAt: publication.finishedAt ?? publication.requestedAt,
        packageUrl: `/api/integrations/${integrationId}/versions/${publication.version}/package`,
      }),
    );
    return { items, total: items.length };
  }
}
