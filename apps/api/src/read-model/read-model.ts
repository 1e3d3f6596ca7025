import { type ApiKeyView, type EnvironmentView, type UserSessionView, type UserView } from './projections';
import { type EntitySchema, raw } from '@mikro-orm/libsql';
import { type ReadModelOrm } from './read-model-orm';
import { ApiKeyRow, EnvironmentRow, UserRow, UserSessionRow } from './read-model.entities';
import { type NativeDatabase, ViewTable } from '../infrastructure/read-model/view-table';

export type Page<T> = Readonly<{ items: T[]; total: number }>;

/** Which rows of a list to answer: `limit` rows after the first `offset`; absent means all of them. */
export type PageRequest = Readonly<{ offset?: number; limit?: number }>;

const noRows = <T>(): Page<T> => ({ items: [], total: 0 });

/** `environments` narrows to those environments; absent means all of them, empty means none. */
export type EnvironmentFilter = Readonly<{ environments?: readonly string[] }>;

const inEnvironments = ({ environments }: EnvironmentFilter) =>
  environments === undefined ? {} : { environment: { $in: [...environments] } };

/**
 * `seenBy`: only that user and the users holding a role in one of `environments`; absent means
 * every user. Roles are a JSON column: SQLite's json_each reads its grants.
 */
export type UserFilter = Readonly<{ seenBy?: Readonly<{ userId: string; environments: readonly string[] }> }>;

const usersSeenBy = ({ seenBy }: UserFilter) => {
  if (seenBy === undefined) return {};
  const { userId, environments } = seenBy;
  if (environments.length === 0) return { id: userId };
  const placeholders = environments.map(() => '?').join(', ');
  const holdsRole = raw(
    (alias) =>
      `exists (select 1 from json_each(${alias}.roles) where json_extract(value, '$.environment') in (${placeholders}))`,
    [...environments],
  );
  return { $or: [{ id: userId }, { [holdsRole]: [] }] };
};

/**
 * The Integration Manager's queries. Answers are plain view documents, the shapes the projections
 * build (never ORM entities), read through a fresh EntityManager each time so nothing is cached.
 */
export class ReadModel {
  private readonly environments: ViewTable;
  private readonly users: ViewTable;
  private readonly apiKeys: ViewTable;
  private readonly userSessions: ViewTable;

  /**
   * `reader`: a read-only connection of its own to the same file. Reads by id go through it on prepared
   * statements (the hot path of every write's answer); WAL lets it read committed rows while the
   * projection runner writes, and it never sees a batch half-applied.
   */
  constructor(
    private readonly orm: ReadModelOrm,
    private readonly reader?: NativeDatabase,
  ) {
    this.environments = ViewTable.of(orm, EnvironmentRow);
    this.users = ViewTable.of(orm, UserRow);
    this.apiKeys = ViewTable.of(orm, ApiKeyRow);
    this.userSessions = ViewTable.of(orm, UserSessionRow);
  }

  /** By name; `names` narrows to those environments (absent means all of them, empty means none). */
  async listEnvironments(
    query: PageRequest & Readonly<{ names?: readonly string[] }> = {},
  ): Promise<Page<EnvironmentView>> {
    if (query.names?.length === 0) return noRows();
    const [rows, total] = await this.em().findAndCount(
      EnvironmentRow,
      query.names === undefined ? {} : { name: { $in: [...query.names] } },
      { orderBy: { name: 'asc' }, offset: query.offset, limit: query.limit },
    );
    return { items: rows.map((row) => this.environments.entityToDocument(row) as EnvironmentView), total };
  }

  async getEnvironment(name: string): Promise<EnvironmentView | undefined> {
    return this.byId(this.environments, EnvironmentRow, { name: name }, name) as Promise<
      EnvironmentView | undefined
    >;
  }

  /** By username. */
  async listUsers(query: UserFilter & PageRequest = {}): Promise<Page<UserView>> {
    const [rows, total] = await this.em().findAndCount(UserRow, usersSeenBy(query), {
      orderBy: { username: 'asc', id: 'asc' },
      offset: query.offset,
      limit: query.limit,
    });
    return { items: rows.map((row) => this.users.entityToDocument(row) as UserView), total };
  }

  async getUser(id: string): Promise<UserView | undefined> {
    return this.byId(this.users, UserRow, { id: id }, id) as Promise<UserView | undefined>;
  }

  async getUserByUsername(username: string): Promise<UserView | undefined> {
    const row = await this.em().findOne(UserRow, { username }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return row === null ? undefined : (this.users.entityToDocument(row) as UserView);
  }

  /** What the user's bearer tokens are checked against (see UserSessionView). */
  async getUserSession(id: string): Promise<UserSessionView | undefined> {
    return this.byId(this.userSessions, UserSessionRow, { id: id }, id) as Promise<
      UserSessionView | undefined
    >;
  }

  /** How many users hold the owner role. */
  async countOwners(): Promise<number> {
    return this.em().count(UserRow, { owner: true });
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
