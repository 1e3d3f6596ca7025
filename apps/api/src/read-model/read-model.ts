import {
  type ApiKeyView,
  type ConnectionRequestView,
  type ConnectionView,
  type DependencyView,
  type DeploymentView,
  type EnvironmentView,
  type IntegrationDependencyStateView,
  type IntegrationView,
  type PublicationView,
  type UserView,
} from './projections';
import { type EntitySchema } from '@mikro-orm/libsql';
import { type ReadModelOrm } from './read-model-orm';
import {
  ApiKeyRow,
  ConnectionRequestRow,
  ConnectionRow,
  DependencyRow,
  DeploymentRow,
  EnvironmentRow,
  IntegrationDependencyStateRow,
  IntegrationRow,
  PublicationRow,
  UserRow,
} from './read-model.entities';
import { type NativeDatabase, ViewTable } from '../infrastructure/read-model/view-table';

export type Page<T> = Readonly<{ items: T[]; total: number }>;

/** `environments` narrows to those environments; absent means all of them, empty means none. */
export type EnvironmentFilter = Readonly<{ environments?: readonly string[] }>;

const inEnvironments = ({ environments }: EnvironmentFilter) =>
  environments === undefined ? {} : { environment: { $in: [...environments] } };

/** `integrationId` narrows to one integration's documents; absent means every integration's. */
export type IntegrationFilter = Readonly<{ integrationId?: string }>;

const ofIntegration = ({ integrationId }: IntegrationFilter) =>
  integrationId === undefined ? {} : { integrationId };

/**
 * The Integration Manager's queries. Answers are plain view documents, the shapes the projections
 * build (never ORM entities), read through a fresh EntityManager each time so nothing is cached.
 */
export class ReadModel {
  private readonly integrations: ViewTable;
  private readonly connections: ViewTable;
  private readonly connectionRequests: ViewTable;
  private readonly environments: ViewTable;
  private readonly users: ViewTable;
  private readonly publications: ViewTable;
  private readonly deployments: ViewTable;
  private readonly dependencyStates: ViewTable;
  private readonly dependencies: ViewTable;
  private readonly apiKeys: ViewTable;

  /**
   * `reader`: a read-only connection of its own to the same file. Reads by id go through it on prepared
   * statements (the hot path of every write's answer); WAL lets it read committed rows while the
   * projection runner writes, and it never sees a batch half-applied.
   */
  constructor(
    private readonly orm: ReadModelOrm,
    private readonly reader?: NativeDatabase,
  ) {
    this.integrations = ViewTable.of(orm, IntegrationRow);
    this.connections = ViewTable.of(orm, ConnectionRow);
    this.connectionRequests = ViewTable.of(orm, ConnectionRequestRow);
    this.environments = ViewTable.of(orm, EnvironmentRow);
    this.users = ViewTable.of(orm, UserRow);
    this.publications = ViewTable.of(orm, PublicationRow);
    this.deployments = ViewTable.of(orm, DeploymentRow);
    this.dependencyStates = ViewTable.of(orm, IntegrationDependencyStateRow);
    this.dependencies = ViewTable.of(orm, DependencyRow);
    this.apiKeys = ViewTable.of(orm, ApiKeyRow);
  }

  /** Most recently changed first. */
  async listIntegrations(
    query: EnvironmentFilter & Readonly<{ offset: number; limit: number }>,
  ): Promise<Page<IntegrationView>> {
    if (query.environments?.length === 0) return { items: [], total: 0 };
    const [rows, total] = await this.em().findAndCount(IntegrationRow, inEnvironments(query), {
      orderBy: { updatedAt: 'desc', id: 'asc' },
      offset: query.offset,
      limit: query.limit,
    });
    return { items: rows.map((row) => this.integrations.entityToDocument(row) as IntegrationView), total };
  }

  async getIntegration(id: string): Promise<IntegrationView | undefined> {
    return this.byId(this.integrations, IntegrationRow, { id: id }, id) as Promise<
      IntegrationView | undefined
    >;
  }

  /** By name; deleted connections are left out unless asked for (getConnection always finds them). */
  async listConnections(
    query: EnvironmentFilter & Readonly<{ includeDeleted?: boolean }> = {},
  ): Promise<ConnectionView[]> {
    if (query.environments?.length === 0) return [];
    const rows = await this.em().find(
      ConnectionRow,
      { ...inEnvironments(query), ...(query.includeDeleted ? {} : { deleted: false }) },
      { orderBy: { name: 'asc', id: 'asc' } },
    );
    return rows.map((row) => this.connections.entityToDocument(row) as ConnectionView);
  }

  async getConnection(id: string): Promise<ConnectionView | undefined> {
    return this.byId(this.connections, ConnectionRow, { id: id }, id) as Promise<ConnectionView | undefined>;
  }

  /** Newest first. */
  async listConnectionRequests(
    query: EnvironmentFilter & Readonly<{ requestedBy?: string }> = {},
  ): Promise<ConnectionRequestView[]> {
    if (query.environments?.length === 0) return [];
    const rows = await this.em().find(
      ConnectionRequestRow,
      {
        ...inEnvironments(query),
        ...(query.requestedBy === undefined ? {} : { requestedBy: query.requestedBy }),
      },
      { orderBy: { requestedAt: 'desc', id: 'asc' } },
    );
    return rows.map((row) => this.connectionRequests.entityToDocument(row) as ConnectionRequestView);
  }

  async getConnectionRequest(id: string): Promise<ConnectionRequestView | undefined> {
    return this.byId(this.connectionRequests, ConnectionRequestRow, { id: id }, id) as Promise<
      ConnectionRequestView | undefined
    >;
  }

  async listEnvironments(): Promise<EnvironmentView[]> {
    const rows = await this.em().find(EnvironmentRow, {}, { orderBy: { name: 'asc' } });
    return rows.map((row) => this.environments.entityToDocument(row) as EnvironmentView);
  }

  async getEnvironment(name: string): Promise<EnvironmentView | undefined> {
    return this.byId(this.environments, EnvironmentRow, { name: name }, name) as Promise<
      EnvironmentView | undefined
    >;
  }

  async listUsers(): Promise<UserView[]> {
    const rows = await this.em().find(UserRow, {}, { orderBy: { username: 'asc', id: 'asc' } });
    return rows.map((row) => this.users.entityToDocument(row) as UserView);
  }

  async getUser(id: string): Promise<UserView | undefined> {
    return this.byId(this.users, UserRow, { id: id }, id) as Promise<UserView | undefined>;
  }

  async getUserByUsername(username: string): Promise<UserView | undefined> {
    const row = await this.em().findOne(UserRow, { username }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return row === null ? undefined : (this.users.entityToDocument(row) as UserView);
  }

  /** Newest first. */
  async listPublications(query: IntegrationFilter = {}): Promise<PublicationView[]> {
    const rows = await this.em().find(PublicationRow, ofIntegration(query), {
      orderBy: { requestedAt: 'desc', id: 'desc' },
    });
    return rows.map((row) => this.publications.entityToDocument(row) as PublicationView);
  }

  /** An integration's successful publications, the newest version first. */
  async listPublishedVersions(integrationId: string): Promise<PublicationView[]> {
    const rows = await this.em().find(
      PublicationRow,
      { integrationId, status: 'published' },
      { orderBy: { version: 'desc', id: 'desc' } },
    );
    return rows.map((row) => this.publications.entityToDocument(row) as PublicationView);
  }

  async getPublication(id: string): Promise<PublicationView | undefined> {
    return this.byId(this.publications, PublicationRow, { id: id }, id) as Promise<
      PublicationView | undefined
    >;
  }

  /** One per integration and environment, by environment. */
  async listDeployments(query: IntegrationFilter = {}): Promise<DeploymentView[]> {
    const rows = await this.em().find(DeploymentRow, ofIntegration(query), {
      orderBy: { integrationId: 'asc', environment: 'asc' },
    });
    return rows.map((row) => this.deployments.entityToDocument(row) as DeploymentView);
  }

  async listIntegrationDependencyStates(): Promise<IntegrationDependencyStateView[]> {
    const rows = await this.em().find(IntegrationDependencyStateRow, {}, { orderBy: { id: 'asc' } });
    return rows.map((row) => this.dependencyStates.entityToDocument(row) as IntegrationDependencyStateView);
  }

  async getIntegrationDependencyState(
    integrationId: string,
  ): Promise<IntegrationDependencyStateView | undefined> {
    return this.byId(
      this.dependencyStates,
      IntegrationDependencyStateRow,
      { id: integrationId },
      integrationId,
    ) as Promise<IntegrationDependencyStateView | undefined>;
  }

  /** The runtime dependencies updated at least once, by name. */
  async listDependencies(): Promise<DependencyView[]> {
    const rows = await this.em().find(DependencyRow, {}, { orderBy: { name: 'asc' } });
    return rows.map((row) => this.dependencies.entityToDocument(row) as DependencyView);
  }

  /** Newest first. */
  async listApiKeys(query: EnvironmentFilter = {}): Promise<ApiKeyView[]> {
    if (query.environments?.length === 0) return [];
    const rows = await this.em().find(ApiKeyRow, inEnvironments(query), {
      orderBy: { createdAt: 'desc', id: 'desc' },
    });
    return rows.map((row) => this.apiKeys.entityToDocument(row) as ApiKeyView);
  }

  async getApiKey(id: string): Promise<ApiKeyView | undefined> {
    return this.byId(this.apiKeys, ApiKeyRow, { id: id }, id) as Promise<ApiKeyView | undefined>;
  }

  private async byId(
    table: ViewTable,
    entity: EntitySchema,
    where: object,
    id: string,
  ): Promise<object | undefined> {
    if (this.reader) {
      const [row] = table.on(this.reader).load([id]);
      return row === undefined ? undefined : table.toDocument(row);
    }
    const row = await this.em().findOne(entity, where);
    return row === null ? undefined : table.entityToDocument(row);
  }

  private em() {
    return this.orm.em.fork();
  }
}
