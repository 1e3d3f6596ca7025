import { Injectable } from '@nestjs/common';
import {
  type ActiveConnection,
  type Entity,
  IllegalStateError,
  NotFoundError,
  SYSTEM_ACTOR_ID,
  connectionDecider,
  connectionStreamId,
} from '@ib/domain';
import { type DataOptions, type EntityDataAccess, type TableInfo } from '@ib/connectors';
import { type AuthenticatedUser, authorize } from '../identity';
import { ConnectionViews, OpenConnectors } from '../connections';
import { IntegrationViews } from '../integrations';
import { CommandRunner } from '../infrastructure/command-handling/command-runner';
import { AnswersAsOf } from '../infrastructure/consistency/answers-as-of';
import { CurrentViews } from '../infrastructure/consistency/current-views';
import {
  DependencyViews,
  DeploymentViews,
  enumValues,
  type IntegrationDependencyStateView,
  PublishedVersions,
  SchemaDriftChecks,
  SchemaDriftViews,
} from '../publishing';
import { uuidv7 } from '../infrastructure/ids';
import { schemaDriftConflict } from './schema-drift-conflict';

/** A published version's entities, with their TableInfo in the database that serves them. */
type ServedVersion = Readonly<{
  entities: readonly Entity[];
  tables: ReadonlyMap<Entity, TableInfo>;
  options: DataOptions;
}>;

/** Which entity of which integration, served in which environment (the path of a data route). */
export type EntityRoute = Readonly<{ env: string; integrationId: string; entity: string }>;

/**
 * An entity of the version deployed in an environment, with the data access that serves it and the
 * options every read and write of it goes with: the null policy of the deployed version (see
 * row-operations.ts for what each policy does).
 */
export type ServedEntity = Readonly<{
  entity: Entity;
  table: TableInfo;
  data: EntityDataAccess;
  options: DataOptions;
}>;

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
      ...(attribute.generated === true ? { generated: true } : {}),
      ...(attribute.unsupported === true ? { unsupported: true } : {}),
      ...(attribute.defaultValue !== undefined ? { defaultValue: attribute.defaultValue } : {}),
      ...(attribute.length !== undefined ? { length: attribute.length } : {}),
      ...(attribute.precision !== undefined ? { precision: attribute.precision } : {}),
      ...(attribute.scale !== undefined ? { scale: attribute.scale } : {}),
      ...(members !== undefined ? { enumValues: members } : {}),
    };
  }),
});

/**
 * Resolves `:env/:integrationId/:entity` of the data API from the views: the version deployed in the
 * environment (deployments), the breaking updates that require a republish there (integration
 * dependency states), its entities as published (PublishedVersions: the integration stream folded up
 * to the version the publication recorded, once per version, as no view keeps the entities of each
 * published version), and the connection that serves the environment (connections; its stream is
 * folded again only when the view shows a new version of it: changed details or a rotated password,
 * which OpenConnectors then opens a new connector for).
 *
 * Each request brings a head position read after it began (`head`, see LogHead) and the views are
 * waited for up to it, so any write that answered before a request began (another deployment, a
 * binding, a republish requirement, a deleted connection), in this process or another one sharing
 * the store, is seen by that request. What a route resolves to is kept until the head moves: calls
 * that arrive while nothing is appended read no view at all.
 */
@Injectable()
export class PublishedEntities {
  /** A published version never changes: its tables are described once per serving database. */
  private readonly served = new Map<string, ServedVersion>();
  /** Active connections as folded from their streams, by id, with the version folded (status: the view's). */
  private readonly connections = new Map<string, Readonly<{ version: number; state: ActiveConnection }>>();
  /** Routes resolved by earlier requests, by `env/integrationId/entity`. */
  private readonly resolved = new AnswersAsOf<ServedEntity>();

  constructor(
    private readonly deployments: DeploymentViews,
    private readonly dependencies: DependencyViews,
    private readonly views: CurrentViews,
    private readonly runner: CommandRunner,
    private readonly versions: PublishedVersions,
    private readonly connectors: OpenConnectors,
    private readonly connectionViews: ConnectionViews,
    private readonly integrations: IntegrationViews,
    private readonly drift: SchemaDriftViews,
    private readonly driftChecks: SchemaDriftChecks,
  ) {}

  /**
   * The database said a table or column the entity names is missing: checks the integration's drift
   * there now (recording it), and answers the 409 the entity's breaking drift gets, if it has any.
   */
  async driftNow(route: EntityRoute, served: ServedEntity): Promise<IllegalStateError | undefined> {
    const actor = { userId: SYSTEM_ACTOR_ID, correlationId: uuidv7(), causationId: uuidv7() };
    const result = await this.driftChecks.checkIntegration(route.env, route.integrationId, actor);
    return result === undefined
      ? undefined
      : schemaDriftConflict(served.entity, route.env, result.differences);
  }

  async resolve(user: AuthenticatedUser, route: EntityRoute, head: number): Promise<ServedEntity> {
    authorize(user, 'data.access', route.env);
    const key = `${route.env}/${route.integrationId}/${route.entity}`;
    const known = this.resolved.get(key, head);
    if (known !== undefined) return known;
    const asOf = await this.views.upTo(head);
    const served = await this.resolveNow(route);
    this.resolved.set(key, asOf, served);
    return served;
  }

  private async resolveNow(route: EntityRoute): Promise<ServedEntity> {
    const { env: environment, integrationId, entity: entityName } = route;
    const deployment = await this.deployments.find(integrationId, environment);
    if (deployment === undefined)
      throw new NotFoundError(
        'INTEGRATION.NOT_DEPLOYED',
        `Integration ${integrationId} is not deployed in environment '${environment}'`,
      );
    const required = republishRequirementsIn(await this.dependencies.stateOf(integrationId), environment);
    if (required.length > 0)
      throw new IllegalStateError(
        'INTEGRATION.REPUBLISH_REQUIRED',
        `Integration ${integrationId} must be republished: a breaking update of ` +
          `${required.join(', ')} was installed in environment '${environment}'`,
      );
    const published = await this.version(integrationId, deployment.version);
    const entity = published.entities.find(({ name }) => name === entityName);
    if (entity === undefined)
      throw new NotFoundError(
        'DATA.ENTITY_NOT_FOUND',
        `Version ${deployment.version} of integration ${integrationId} has no entity ${entityName}`,
      );
    // Breaking drift recorded against the deployed version: a clear 409 rather than SQL that fails.
    const drift = await this.drift.find(integrationId, environment);
    if (drift?.version === deployment.version) {
      const conflict = schemaDriftConflict(entity, environment, drift.differences);
      if (conflict !== undefined) throw conflict;
    }
    const connectionId = deployment.connectionId ?? (await this.ownConnection(integrationId, environment));
    const connection = await this.connection(integrationId, environment, connectionId);
    const { data } = await this.connectors.of(connection);
    if (data === undefined)
      throw new IllegalStateError(
        'DATA.UNSUPPORTED',
        `The ${connection.provider} connector does not offer data access yet`,
      );
    // A connection bound in an environment may name the database that serves it there (QA's copy).
    const database = deployment.connectionId === undefined ? undefined : connection.details.database;
    const served = database ? await this.version(integrationId, deployment.version, database) : published;
    return { entity, table: served.tables.get(entity)!, data, options: published.options };
  }

  /** In development the integration's own connection serves it unless another one is bound. */
  private async ownConnection(integrationId: string, environment: string): Promise<string | undefined> {
    const integration = await this.integrations.find(integrationId);
    if (integration === undefined || integration.environment !== environment) return undefined;
    return integration.connectionId;
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
    const view = await this.connectionViews.find(connectionId);
    if (view === undefined || view.deleted) throw noConnection();
    const known = this.connections.get(connectionId);
    if (known !== undefined && known.version >= view.version) return known.state;
    const { state, version } = await this.runner.load(connectionStreamId(connectionId), connectionDecider);
    if (state.status !== 'active') throw noConnection();
    this.connections.set(connectionId, { version, state });
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
    const { entities, nullPolicy } = published.integration;
    const served = {
      entities,
      tables: new Map(entities.map((entity) => [entity, tableInfoOf(entity, schema)])),
      // The integration folded up to the version's publication is what its manifest was generated
      // from (publication.process.ts), so this is the policy the deployed version's manifest records.
      options: { nullPolicy },
    };
    this.served.set(key, served);
    return served;
  }
}

/**
 * The dependencies whose breaking update requires a republish in `environment`, in the order they were
 * required: those installed everywhere and the environment's own (the deployments stream's
 * republishRequirementsIn, as the view keeps them).
 */
const republishRequirementsIn = (
  state: IntegrationDependencyStateView | undefined,
  environment: string,
): string[] =>
  state === undefined
    ? []
    : [
        ...state.republishRequired,
        ...(state.environments.find((deployed) => deployed.environment === environment)?.republishRequired ??
          []),
      ]
        .sort((a, b) => a.requiredAt.localeCompare(b.requiredAt))
        .map(({ dependency }) => dependency);
