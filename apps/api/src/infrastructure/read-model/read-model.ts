import {
  type ConnectionRequestView,
  type ConnectionView,
  type EnvironmentView,
  type IntegrationView,
  type UserView,
} from '../../projections';
import { type ReadModelOrm } from './read-model-orm';
import {
  ConnectionRequestRow,
  ConnectionRow,
  EnvironmentRow,
  IntegrationRow,
  UserRow,
} from './read-model.entities';
import { ViewTable } from './view-table';

export type Page<T> = Readonly<{ items: T[]; total: number }>;

/** `environments` narrows to those environments; absent means all of them, empty means none. */
export type EnvironmentFilter = Readonly<{ environments?: readonly string[] }>;

const inEnvironments = ({ environments }: EnvironmentFilter) =>
  environments === undefined ? {} : { environment: { $in: [...environments] } };

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

  constructor(private readonly orm: ReadModelOrm) {
    this.integrations = ViewTable.of(orm, IntegrationRow);
    this.connections = ViewTable.of(orm, ConnectionRow);
    this.connectionRequests = ViewTable.of(orm, ConnectionRequestRow);
    this.environments = ViewTable.of(orm, EnvironmentRow);
    this.users = ViewTable.of(orm, UserRow);
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
    const row = await this.em().findOne(IntegrationRow, { id });
    return row === null ? undefined : (this.integrations.entityToDocument(row) as IntegrationView);
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
    const row = await this.em().findOne(ConnectionRow, { id });
    return row === null ? undefined : (this.connections.entityToDocument(row) as ConnectionView);
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
    const row = await this.em().findOne(ConnectionRequestRow, { id });
    return row === null
      ? undefined
      : (this.connectionRequests.entityToDocument(row) as ConnectionRequestView);
  }

  async listEnvironments(): Promise<EnvironmentView[]> {
    const rows = await this.em().find(EnvironmentRow, {}, { orderBy: { name: 'asc' } });
    return rows.map((row) => this.environments.entityToDocument(row) as EnvironmentView);
  }

  async getEnvironment(name: string): Promise<EnvironmentView | undefined> {
    const row = await this.em().findOne(EnvironmentRow, { name });
    return row === null ? undefined : (this.environments.entityToDocument(row) as EnvironmentView);
  }

  async listUsers(): Promise<UserView[]> {
    const rows = await this.em().find(UserRow, {}, { orderBy: { username: 'asc', id: 'asc' } });
    return rows.map((row) => this.users.entityToDocument(row) as UserView);
  }

  async getUser(id: string): Promise<UserView | undefined> {
    const row = await this.em().findOne(UserRow, { id });
    return row === null ? undefined : (this.users.entityToDocument(row) as UserView);
  }

  async getUserByUsername(username: string): Promise<UserView | undefined> {
    const row = await this.em().findOne(UserRow, { username }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return row === null ? undefined : (this.users.entityToDocument(row) as UserView);
  }

  private em() {
    return this.orm.em.fork();
  }
}
