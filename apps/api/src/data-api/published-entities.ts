import { Inject, Injectable } from '@nestjs/common';
import {
  type ActiveConnection,
  type AnyEvent,
  type Decider,
  type Entity,
  IllegalStateError,
  NotFoundError,
  connectionDecider,
  connectionStreamId,
  deploymentDecider,
  deploymentIn,
  integrationDecider,
  republishRequirementsIn,
  requiresRepublish,
  integrationDeploymentsStreamId,
  integrationStreamId,
} from '@ib/domain';
import { type EntityDataAccess, type TableInfo } from '@ib/connectors';
import { type AuthenticatedUser, authorize } from '../identity';
import { OpenConnectors } from '../connections';
import { CommandRunner } from '../infrastructure/command-handling/command-runner';
import { EVENT_STORE, type EventStore } from '../infrastructure/event-store/event-store.port';
import { LogFollower } from '../infrastructure/event-store/log-follower';
import { enumValues, PublishedVersions } from '../publishing';

/** A published version's entities, with their TableInfo in the database that serves them. */
type ServedVersion = Readonly<{ entities: readonly Entity[]; tables: ReadonlyMap<Entity, TableInfo> }>;

/** A stream folded as it was at some point at or after global position `asOf` of the log. */
type Folded = Readonly<{ state: unknown; asOf: number }>;

/** What a route resolved to as of global position `asOf`, and the streams it was resolved from. */
type Resolved = Readonly<{ served: ServedEntity; streams: readonly string[]; asOf: number }>;

const MAX_RESOLVED = 1000;

/** Which entity of which integration, served in which environment (the path of a data route). */
export type EntityRoute = Readonly<{ env: string; integrationId: string; entity: string }>;

/** An entity of the version deployed in an environment, with the data access that serves it. */
export type ServedEntity = Readonly<{ entity: Entity; table: TableInfo; data: EntityDataAccess }>;

/**
 * An entity's published metadata as the connectors' TableInfo (identifiers only ever come from it),
 * with the members of ENUM and SET columns the published document declares.
 */
export const tableInfoOf = (entity: Entity, schema: string): TableInfo => ({
  schema,
  name: entity.table,
  kind: entity.kind,
  primaryKey: entity.primaryKey,
  foreignKeys: [],
  indexes: [],
  columns: entity.attributes.map((attribute) => {
    const members = attribute.type === 'Enum' || attribute.type === 'Set' ? enumValues(attribute) : undefined;
    return {
      name: attribute.name,
      nativeType: attribute.nativeType,
      kind: attribute.type,
      nullable: attribute.nullable,
      autoIncrement: attribute.autoIncrement,
      ...(attribute.defaultValue !== undefined ? { defaultValue: attribute.defaultValue } : {}),
      ...(attribute.length !== undefined ? { length: attribute.length } : {}),
      ...(attribute.precision !== undefined ? { precision: attribute.precision } : {}),
      ...(attribute.scale !== undefined ? { scale: attribute.scale } : {}),
      ...(members !== undefined ? { enumValues: members } : {}),
    };
  }),
});

/**
 * Resolves `:env/:integrationId/:entity` of the data API from the event store: the version deployed
 * in the environment (deploymentIn), its entities as published (the integration stream folded up to
 * the version the publication recorded), and the connection that serves the environment.
 *
 * The streams it folds (deployments, integration, connection) are kept folded between requests, and
 * each request brings a head position read after it began (`head`, see LogHead): the log is first
 * read from where the previous request stopped up to it (nothing to read when nothing was appended),
 * and a stream with an event after the point its folded state was read at is folded again. So any
 * write that answered before a request began (another deployment, a binding, a republish
 * requirement, a revoked connection), in this process or another one sharing the store, is seen by
 * that request, as when every request folded every stream. What a route resolves to is kept the
 * same way, until one of the streams it was resolved from gets an event.
 */
@Injectable()
export class PublishedEntities {
  /** A published version never changes: its tables are described once per serving database. */
  private readonly served = new Map<string, ServedVersion>();
  /** Streams folded by earlier requests, by stream id. */
  private readonly folded = new Map<string, Folded>();
  /** Routes resolved by earlier requests, by `env/integrationId/entity` (bounded, emptied when full). */
  private readonly resolved = new Map<string, Resolved>();
  /** Global position of the last event seen of each stream appended to since the first request. */
  private readonly lastEventOf = new Map<string, number>();
  /** Nothing is folded before the first request: the events before it need not be read. */
  private readonly log: LogFollower;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly runner: CommandRunner,
    private readonly versions: PublishedVersions,
    private readonly connectors: OpenConnectors,
  ) {
    this.log = new LogFollower(
      store,
      ({ streamId, globalPosition }) => this.lastEventOf.set(streamId, globalPosition),
      {
        from: 'head',
      },
    );
  }

  async resolve(user: AuthenticatedUser, route: EntityRoute, head: number): Promise<ServedEntity> {
    authorize(user, 'data.access', route.env);
    const asOf = await this.log.catchUpTo(head);
    const key = `${route.env}/${route.integrationId}/${route.entity}`;
    const known = this.resolved.get(key);
    if (known !== undefined && !this.changedSince(known.streams, known.asOf)) return known.served;
    const resolved = await this.resolveAsOf(route, asOf);
    if (this.resolved.size >= MAX_RESOLVED) this.resolved.clear();
    this.resolved.set(key, resolved);
    return resolved.served;
  }

  private changedSince(streams: readonly string[], asOf: number): boolean {
    return streams.some((streamId) => (this.lastEventOf.get(streamId) ?? 0) > asOf);
  }

  private async resolveAsOf(route: EntityRoute, asOf: number): Promise<Resolved> {
    const { env: environment, integrationId, entity: entityName } = route;
    const deployments = integrationDeploymentsStreamId(integrationId);
    const state = await this.load(deployments, deploymentDecider, asOf);
    const deployment = deploymentIn(state, environment);
    if (deployment === undefined)
      throw new NotFoundError(
        'INTEGRATION.NOT_DEPLOYED',
        `Integration ${integrationId} is not deployed in environment '${environment}'`,
      );
    if (requiresRepublish(state, environment))
      throw new IllegalStateError(
        'INTEGRATION.REPUBLISH_REQUIRED',
        `Integration ${integrationId} must be republished: a breaking update of ` +
          `${republishRequirementsIn(state, environment)
            .map(({ dependency }) => dependency)
            .join(', ')} was installed in environment '${environment}'`,
      );
    const published = await this.version(integrationId, deployment.version);
    const entity = published.entities.find(({ name }) => name === entityName);
    if (entity === undefined)
      throw new NotFoundError(
        'DATA.ENTITY_NOT_FOUND',
        `Version ${deployment.version} of integration ${integrationId} has no entity ${entityName}`,
      );
    const connectionId =
      deployment.connectionId ?? (await this.ownConnection(integrationId, environment, asOf));
    const connection = await this.connection(integrationId, environment, connectionId, asOf);
    const data = this.connectors.of(connection).data;
    if (data === undefined)
      throw new IllegalStateError(
        'DATA.UNSUPPORTED',
        `The ${connection.provider} connector does not offer data access yet`,
      );
    // A connection bound in an environment may name the database that serves it there (QA's copy).
    const database = deployment.connectionId === undefined ? undefined : connection.details.database;
    const served = database ? await this.version(integrationId, deployment.version, database) : published;
    const streams = [
      deployments,
      ...(deployment.connectionId === undefined ? [integrationStreamId(integrationId)] : []),
      connectionStreamId(connection.connectionId),
    ];
    return { served: { entity, table: served.tables.get(entity)!, data }, streams, asOf };
  }

  /** The stream folded, reusing the last fold unless the stream got an event after it was read. */
  private async load<S, E extends AnyEvent>(
    streamId: string,
    decider: Pick<Decider<S, never, E>, 'initialState' | 'evolve'>,
    asOf: number,
  ): Promise<S> {
    const known = this.folded.get(streamId);
    if (known !== undefined && known.asOf >= (this.lastEventOf.get(streamId) ?? 0)) return known.state as S;
    // Read after the log was seen up to asOf: an event after asOf invalidates it at the next catch-up.
    const { state } = await this.runner.load(streamId, decider);
    const current = this.folded.get(streamId);
    if (current === undefined || current.asOf < asOf) this.folded.set(streamId, { state, asOf });
    return state;
  }

  /** In development the integration's own connection serves it unless another one is bound. */
  private async ownConnection(
    integrationId: string,
    environment: string,
    asOf: number,
  ): Promise<string | undefined> {
    const state = await this.load(integrationStreamId(integrationId), integrationDecider, asOf);
    if (state.status === 'none' || state.environment !== environment) return undefined;
    return state.connectionId;
  }

  private async connection(
    integrationId: string,
    environment: string,
    connectionId: string | undefined,
    asOf: number,
  ): Promise<ActiveConnection> {
    const noConnection = () =>
      new IllegalStateError(
        'INTEGRATION.NO_CONNECTION',
        `No connection serves integration ${integrationId} in environment '${environment}': an administrator must bind one`,
      );
    if (connectionId === undefined) throw noConnection();
    const state = await this.load(connectionStreamId(connectionId), connectionDecider, asOf);
    if (state.status !== 'active') throw noConnection();
    return state;
  }

  /** The version's entities, described as tables of the database that serves them. */
  private async version(integrationId: string, version: number, database?: string): Promise<ServedVersion> {
    const published = await this.versions.version(integrationId, version);
    if (published === undefined || published.integration.database === undefined)
      throw new NotFoundError(
        'INTEGRATION.VERSION_NOT_FOUND',
        `Version ${version} of integration ${integrationId} is not published`,
      );
    const schema = database ?? published.integration.database;
    const key = `${integrationId}/${version}/${schema}`;
    const known = this.served.get(key);
    if (known) return known;
    const { entities } = published.integration;
    const served = {
      entities,
      tables: new Map(entities.map((entity) => [entity, tableInfoOf(entity, schema)])),
    };
    this.served.set(key, served);
    return served;
  }
}
