import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type AuthenticatedUser } from '../../identity';
import { ConnectionViews } from '../../connections';
import { IntegrationViews, type IntegrationView } from './integration-views';

export type IntegrationReview = Readonly<{
  integration: IntegrationView;
  connection: { id: string; name: string; provider: string } | null;
  readyToPublish: boolean;
  problems: string[];
}>;

export class GetIntegrationReviewQuery extends Query<IntegrationReview> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly id: string,
  ) {
    super();
  }
}

/** The wizard's last step: everything that will be published, and what still blocks it. */
@QueryHandler(GetIntegrationReviewQuery)
export class GetIntegrationReviewHandler implements IQueryHandler<GetIntegrationReviewQuery> {
  constructor(
    private readonly views: IntegrationViews,
    private readonly connections: ConnectionViews,
  ) {}

  async execute({ user, id }: GetIntegrationReviewQuery): Promise<IntegrationReview> {
    const integration = await this.views.get(id, user);
    const connectionView = integration.connectionId
      ? await this.connections.find(integration.connectionId)
      : undefined;
    const problems: string[] = [];
    if (integration.status === 'open')
      problems.push('The integration was converted to open and is no longer managed by the builder');
    // Built from an uploaded specification, it publishes before a connection exists (and serves once one does).
    if (!integration.connectionId) {
      if (!integration.specificationId) problems.push('Select a connection');
    } else if (!connectionView || connectionView.deleted)
      problems.push('The selected connection no longer exists');
    if (!integration.database) problems.push('Select a database');
    if (integration.entities.length === 0) problems.push('Add at least one table');
    return {
      integration,
      connection: connectionView
        ? { id: connectionView.id, name: connectionView.name, provider: connectionView.provider }
        : null,
      readyToPublish: problems.length === 0,
      problems,
    };
  }
}
