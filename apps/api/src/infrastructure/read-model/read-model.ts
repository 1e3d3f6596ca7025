import {
  type ConnectionRequestView,
  type ConnectionView,
  type EnvironmentView,
  type IntegrationView,
  type UserView,
} from '../../projections';
import { type EntitySchema } from '@mikro-orm/libsql';
import { type ReadModelOrm } from './read-model-orm';
import {
  ConnectionRequestRow,
  ConnectionRow,
  EnvironmentRow,
  IntegrationRow,
  UserRow,
} from './read-model.entities';
import { type NativeDatabase, ViewTable } from './view-table';

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
