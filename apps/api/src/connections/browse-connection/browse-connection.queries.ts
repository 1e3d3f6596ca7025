import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type ConnectionTestResult, type TableInfo, type TableSummary } from '@ib/connectors';
import { NotFoundError } from '@ib/domain';
import { type AuthenticatedUser } from '../../identity';
import { ConnectionAccess } from '../connection-access/connection-access';

export class TestConnectionQuery extends Query<ConnectionTestResult> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly connectionId: string,
  ) {
    super();
  }
}

@QueryHandler(TestConnectionQuery)
export class TestConnectionHandler implements IQueryHandler<TestConnectionQuery> {
  constructor(private readonly access: ConnectionAccess) {}
  async execute({ user, connectionId }: TestConnectionQuery) {
    const connection = await this.access.viewable(user, connectionId);
    return this.access.withConnector(connection, (connector) => connector.testConnection());
  }
}

export class ListDatabasesQuery extends Query<{ items: { name: string }[] }> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly connectionId: string,
  ) {
    super();
  }
}

@QueryHandler(ListDatabasesQuery)
export class ListDatabasesHandler implements IQueryHandler<ListDatabasesQuery> {
  constructor(private readonly access: ConnectionAccess) {}
  async execute({ user, connectionId }: ListDatabasesQuery) {
    const connection = await this.access.viewable(user, connectionId);
    const names = await this.access.withConnector(connection, (connector) => connector.listDatabases());
    return { items: names.map((name) => ({ name })) };
  }
}

export class ListTablesQuery extends Query<{ items: TableSummary[] }> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly connectionId: string,
    readonly database: string,
  ) {
    super();
  }
}

@QueryHandler(ListTablesQuery)
export class ListTablesHandler implements IQueryHandler<ListTablesQuery> {
  constructor(private readonly access: ConnectionAccess) {}
  async execute({ user, connectionId, database }: ListTablesQuery) {
    const connection = await this.access.viewable(user, connectionId);
    const items = await this.access.withConnector(connection, (connector) => connector.listTables(database));
    return { items };
  }
}

export class DescribeTableQuery extends Query<TableInfo> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly connectionId: string,
    readonly database: string,
    readonly table: string,
  ) {
    super();
  }
}

@QueryHandler(DescribeTableQuery)
export class DescribeTableHandler implements IQueryHandler<DescribeTableQuery> {
  constructor(private readonly access: ConnectionAccess) {}
  async execute({ user, connectionId, database, table }: DescribeTableQuery) {
    const connection = await this.access.viewable(user, connectionId);
    const [info] = await this.access.withConnector(connection, (connector) =>
      connector.describe(database, [table]),
    );
    if (!info) throw new NotFoundError('CONNECTOR.TABLE_NOT_FOUND', `Table '${table}' does not exist`);
    return info;
  }
}
