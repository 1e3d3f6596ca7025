import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@ib/domain';
import { allows, authorize, type AuthenticatedUser, environmentsAllowing } from '../../../identity';
import { IntegrationViews } from '../../../integrations';
import { type EnvironmentDriftCheckView, type SchemaDriftView, SchemaDriftViews } from './schema-drift-views';

/** Drift as a caller reads it: the API keys affected only for who manages the environment's keys. */
export type DriftEntry = Omit<SchemaDriftView, 'id' | 'apiKeys'> & Partial<Pick<SchemaDriftView, 'apiKeys'>>;

export type IntegrationDrift = Readonly<{ integrationId: string; items: readonly DriftEntry[] }>;

export type EnvironmentDrift = Readonly<{
  environment: string;
  lastCheck: EnvironmentDriftCheckView | null;
  items: readonly DriftEntry[];
}>;

const entryFor = (user: AuthenticatedUser, { id: _id, apiKeys, ...drift }: SchemaDriftView): DriftEntry =>
  allows(user, 'api-key.manage', drift.environment) ? { ...drift, apiKeys } : drift;

export class GetIntegrationDriftQuery extends Query<IntegrationDrift> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly integrationId: string,
    readonly environment?: string,
  ) {
    super();
  }
}

/**
 * Whoever reads the integration reads its drift in the environments they hold a role in (one of them
 * with `environment`); an environment checked none of whose roles they hold is refused (403).
 */
@QueryHandler(GetIntegrationDriftQuery)
export class GetIntegrationDriftHandler implements IQueryHandler<GetIntegrationDriftQuery> {
  constructor(
    private readonly integrations: IntegrationViews,
    private readonly drift: SchemaDriftViews,
  ) {}

  async execute({ user, integrationId, environment }: GetIntegrationDriftQuery): Promise<IntegrationDrift> {
    await this.integrations.get(integrationId, user);
    if (environment !== undefined) authorize(user, 'environment.read', environment);
    const environments =
      environment === undefined ? environmentsAllowing(user, 'environment.read') : [environment];
    const items =
      environments.length === 0 ? [] : await this.drift.ofIntegration(integrationId, environments);
    return { integrationId, items: items.map((drift) => entryFor(user, drift)) };
  }
}

export class GetEnvironmentDriftQuery extends Query<EnvironmentDrift> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly environment: string,
  ) {
    super();
  }
}

/** The drift of every integration checked in an environment, for who reads it (to anyone else it does not exist). */
@QueryHandler(GetEnvironmentDriftQuery)
export class GetEnvironmentDriftHandler implements IQueryHandler<GetEnvironmentDriftQuery> {
  constructor(private readonly drift: SchemaDriftViews) {}

  async execute({ user, environment }: GetEnvironmentDriftQuery): Promise<EnvironmentDrift> {
    if (!user.owner && !allows(user, 'environment.read', environment))
      throw new NotFoundError('ENVIRONMENT.NOT_FOUND', `Environment '${environment}' does not exist`);
    const [lastCheck, items] = await Promise.all([
      this.drift.lastCheckOf(environment),
      this.drift.ofEnvironment(environment),
    ]);
    return { environment, lastCheck: lastCheck ?? null, items: items.map((drift) => entryFor(user, drift)) };
  }
}
