import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@ib/domain';
import { ConnectionAccess, ConnectionProbe } from '../../../connections';
import { allows, type AuthenticatedUser, EnvironmentAccess } from '../../../identity';
import { IntegrationViews } from '../../../integrations';
import { CLOCK, type Clock } from '../../../infrastructure/clock';
import { SchemaDriftViews } from '../../schema-drift/drift-queries/schema-drift-views';
import { type DeploymentView, DeploymentViews } from '../deployment-queries/deployment-views';
import {
  boundConnections,
  type ConnectionHealth,
  type EnvironmentHealth,
  overallStatus,
} from './environment-health';

/** Long enough for a database across a network, short enough for a page waiting on it. */
export const HEALTH_PROBE_TIMEOUT_MS = 3_000;

export class GetEnvironmentHealthQuery extends Query<EnvironmentHealth> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly environment: string,
  ) {
    super();
  }
}

/**
 * Probes every connection serving the environment at once (those bound there, and in development an
 * integration's own where none is bound, as the data API resolves them) (each on a connector of its own, given up
 * after HEALTH_PROBE_TIMEOUT_MS), so the answer takes as long as the slowest, at most the timeout.
 * Who may ask: who reads the environment (its members, owners); to anyone else it does not exist.
 */
@QueryHandler(GetEnvironmentHealthQuery)
export class GetEnvironmentHealthHandler implements IQueryHandler<GetEnvironmentHealthQuery> {
  constructor(
    private readonly deployments: DeploymentViews,
    private readonly integrations: IntegrationViews,
    private readonly environments: EnvironmentAccess,
    private readonly connections: ConnectionAccess,
    private readonly probe: ConnectionProbe,
    private readonly drift: SchemaDriftViews,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ user, environment }: GetEnvironmentHealthQuery): Promise<EnvironmentHealth> {
    if (!user.owner && !allows(user, 'environment.read', environment))
      throw new NotFoundError('ENVIRONMENT.NOT_FOUND', `Environment '${environment}' does not exist`);
    await this.environments.kindOf(environment);
    const checkedAt = this.clock.now().toISOString();
    const deployments = await this.deployments.list({ environment });
    const bound = boundConnections(
      await Promise.all(deployments.map((deployment) => this.serving(deployment))),
    );
    const [connections, lastDriftCheck] = await Promise.all([
      Promise.all(
        [...bound].map(([connectionId, integrationIds]) => this.check(connectionId, integrationIds)),
      ),
      this.drift.lastCheckOf(environment),
    ]);
    return {
      environment,
      status: overallStatus(connections),
      checkedAt,
      lastDriftCheck: lastDriftCheck?.checkedAt ?? null,
      connections,
    };
  }

  /** In development the integration's own connection serves it unless another one is bound. */
  private async serving({ integrationId, environment, connectionId }: DeploymentView) {
    if (connectionId !== undefined) return { integrationId, connectionId };
    const integration = await this.integrations.find(integrationId);
    if (integration?.environment !== environment) return { integrationId };
    return { integrationId, connectionId: integration.connectionId };
  }

  private async check(connectionId: string, integrationIds: readonly string[]): Promise<ConnectionHealth> {
    const connection = await this.connections.existing(connectionId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    if (connection === undefined)
      return {
        connectionId,
        integrationIds,
        status: 'down',
        error: { code: 'CONNECTION.NOT_FOUND', message: 'The bound connection no longer exists' },
      };
    const { name, provider } = connection;
    const result = await this.probe.probe(connection, HEALTH_PROBE_TIMEOUT_MS);
    return result.ok
      ? {
          connectionId,
          name,
          provider,
          integrationIds,
          status: 'up',
          latencyMs: result.latencyMs,
          serverVersion: result.serverVersion,
        }
      : {
          connectionId,
          name,
          provider,
          integrationIds,
          status: 'down',
          error: { code: result.code, message: result.message },
        };
  }
}
