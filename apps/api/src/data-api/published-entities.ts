import { Inject, Injectable } from '@nestjs/common';
import {
  type ActiveConnection,
  type Entity,
  IllegalStateError,
  type IntegrationEvent,
  type IntegrationPublishRequested,
  NotFoundError,
  connectionDecider,
  connectionStreamId,
  deploymentDecider,
  deploymentIn,
  integrationDecider,
  integrationDeploymentsStreamId,
  integrationStreamId,
  publicationStreamId,
} from '@ib/domain';
import { type EntityDataAccess, type TableInfo } from '@ib/connectors';
import { assertMemberOf, type AuthenticatedUser } from '../auth/authenticated-user';
import { OpenConnectors } from '../connections/connection-access/open-connectors';
import { CommandRunner } from '../infrastructure/command-handling/command-runner';
import { EVENT_STORE, type EventStore } from '../infrastructure/event-store/event-store.port';
import { PublicationIndex } from '../publications/publication-index';

/** What a published version serves: its entities and the database they live in. */
type PublishedVersion = Readonly<{ database: string; entities: readonly Entity[] }>;

/** An entity of the version deployed in an environment, with the data access that serves it. */
export type ServedEntity = Readonly<{ entity: Entity; table: TableInfo; data: EntityDataAccess }>;

/** An entity's published metadata as the connectors' TableInfo (identifiers only ever come from it). */
export const tableInfoOf = (entity: Entity, schema: string): TableInfo => ({
  schema,
  name: entity.table,
  kind: entity.kind,
  primaryKey: entity.primaryKey,
  foreignKeys: [],
  indexes: [],
  columns: entity.attributes.map((attribute) => ({
    name: attribute.name,
    nativeType: attribute.nativeType,
    kind: attribute.type,
    nullable: attribute.nullable,
    autoIncrement: attribute.autoIncrement,
    ...(attribute.defaultValue !== undefined ? { defaultValue: attribute.defaultValue } : {}),
    ...(attribute.length !== undefined ? { length: attribute.length } : {}),
    ...(attribute.precision !== undefined ? { precision: attribute.precision } : {}),
    ...(attribute.scale !== undefined ? { scale: attribute.scale } : {}),
  })),
});

/**
 * Resolves `:env/:integrationId/:entity` of the data API from the event store: the version deployed
 * in the environment (deploymentIn), its entities as published (the integration stream folded up to
 * the version the publication recorded), and the connection that serves the environment.
 */
@Injectable()
export class PublishedEntities {
  /** A published version never changes: its entities are kept once read. */
  private readonly versions = new Map<string, PublishedVersion>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: CommandRunner,
    private readonly index: PublicationIndex,
    private readonly connectors: OpenConnectors,
  ) {}

  async resolve(
    user: AuthenticatedUser,
    environment: string,
    integrationId: string,
    entityName: string,
  ): Promise<ServedEntity> {
    assertMemberOf(user, environment);
    const { state } = await this.runner.load(
      integrationDeploymentsStreamId(integrationId),
      deploymentDecider,
    );
    const deployment = deploymentIn(state, environment);
    if (deployment === undefined)
      throw new NotFoundError(
        'INTEGRATION.NOT_DEPLOYED',
        `Integration ${integrationId} is not deployed in environment '${environment}'`,
      );
    const published = await this.version(integrationId, deployment.version);
    const entity = published.entities.find(({ name }) => name === entityName);
    if (entity === undefined)
      throw new NotFoundError(
        'DATA.ENTITY_NOT_FOUND',
        `Version ${deployment.version} of integration ${integrationId} has no entity ${entityName}`,
      );
    const connection = await this.connection(
      integrationId,
      environment,
      deployment.connectionId ?? (await this.ownConnection(integrationId, environment)),
    );
    const data = this.connectors.of(connection).data;
    if (data === undefined)
      throw new IllegalStateError(
        'DATA.UNSUPPORTED',
        `The ${connection.provider} connector does not offer data access yet`,
      );
    return { entity, table: tableInfoOf(entity, published.database), data };
  }

  /** In development the integration's own connection serves it unless another one is bound. */
  private async ownConnection(integrationId: string, environment: string): Promise<string | undefined> {
    const { state } = await this.runner.load(integrationStreamId(integrationId), integrationDecider);
    if (state.status === 'none' || state.environment !== environment) return undefined;
    return state.connectionId;
  }

  private async connection(
    integrationId: string,
    environment: string,
    connectionId: string | undefined,
  ): Promise<ActiveConnection> {
    const noConnection = () =>
      new IllegalStateError(
        'INTEGRATION.NO_CONNECTION',
        `No connection serves integration ${integrationId} in environment '${environment}': an administrator must bind one`,
      );
    if (connectionId === undefined) throw noConnection();
    const { state } = await this.runner.load(connectionStreamId(connectionId), connectionDecider);
    if (state.status !== 'active') throw noConnection();
    return state;
  }

  private async version(integrationId: string, version: number): Promise<PublishedVersion> {
    const key = `${integrationId}/${version}`;
    const known = this.versions.get(key);
    if (known) return known;
    const publication = (await this.index.publicationsOf(integrationId)).find(
      (entry) => entry.version === version && entry.status === 'published',
    );
    if (publication === undefined)
      throw new NotFoundError(
        'INTEGRATION.VERSION_NOT_FOUND',
        `Version ${version} of integration ${integrationId} is not published`,
      );
    const { events } = await this.store.readStream(publicationStreamId(publication.publicationId));
    const requested = events.find(({ type }) => type === 'IntegrationPublishRequested');
    if (requested === undefined)
      throw new NotFoundError(
        'INTEGRATION.VERSION_NOT_FOUND',
        `Version ${version} of integration ${integrationId} is not published`,
      );
    const { integrationVersion } = requested.data as IntegrationPublishRequested['data'];
    const { events: integrationEvents } = await this.store.readStream<IntegrationEvent>(
      integrationStreamId(integrationId),
    );
    const integration = integrationEvents
      .filter(({ streamVersion }) => streamVersion <= integrationVersion)
      .reduce(
        (current, { type, data }) => integrationDecider.evolve(current, { type, data } as IntegrationEvent),
        integrationDecider.initialState(),
      );
    if (integration.status === 'none' || integration.database === undefined)
      throw new NotFoundError(
        'INTEGRATION.VERSION_NOT_FOUND',
        `Version ${version} of integration ${integrationId} is not published`,
      );
    const resolved: PublishedVersion = { database: integration.database, entities: integration.entities };
    this.versions.set(key, resolved);
    return resolved;
  }
}
