import { Injectable } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type Connector, type TableInfo, type TableSummary } from '@ib/connectors';
import { NotFoundError } from '@ib/domain';
import { type AuthenticatedUser } from '../../identity';
import { IntegrationViews } from '../integration-queries/integration-views';
import { ServiceSpecifications } from '../upload-specification/service-specifications';

/** What the wizard reads of an integration's uploaded specification, as it reads a connection's database. */
@Injectable()
export class IntegrationSpecifications {
  constructor(
    private readonly views: IntegrationViews,
    private readonly specifications: ServiceSpecifications,
  ) {}

  async connectorOf(user: AuthenticatedUser, integrationId: string): Promise<Connector> {
    const { specificationId } = await this.views.get(integrationId, user);
    if (specificationId === undefined)
      throw new NotFoundError(
        'INTEGRATION.SPECIFICATION_NOT_FOUND',
        `No specification was uploaded for integration ${integrationId}`,
      );
    return this.specifications.connectorOf(specificationId);
  }
}

export class ListSpecificationDatabasesQuery extends Query<{ items: { name: string }[] }> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly integrationId: string,
  ) {
    super();
  }
}

@QueryHandler(ListSpecificationDatabasesQuery)
export class ListSpecificationDatabasesHandler implements IQueryHandler<ListSpecificationDatabasesQuery> {
  constructor(private readonly specifications: IntegrationSpecifications) {}

  async execute({ user, integrationId }: ListSpecificationDatabasesQuery) {
    const connector = await this.specifications.connectorOf(user, integrationId);
    return { items: (await connector.listDatabases()).map((name) => ({ name })) };
  }
}

export class ListSpecificationTablesQuery extends Query<{ items: TableSummary[] }> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly integrationId: string,
    readonly database: string,
  ) {
    super();
  }
}

@QueryHandler(ListSpecificationTablesQuery)
export class ListSpecificationTablesHandler implements IQueryHandler<ListSpecificationTablesQuery> {
  constructor(private readonly specifications: IntegrationSpecifications) {}

  async execute({ user, integrationId, database }: ListSpecificationTablesQuery) {
    const connector = await this.specifications.connectorOf(user, integrationId);
    return { items: await connector.listTables(database) };
  }
}

export class DescribeSpecificationTableQuery extends Query<TableInfo> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly integrationId: string,
    readonly database: string,
    readonly table: string,
  ) {
    super();
  }
}

@QueryHandler(DescribeSpecificationTableQuery)
export class DescribeSpecificationTableHandler implements IQueryHandler<DescribeSpecificationTableQuery> {
  constructor(private readonly specifications: IntegrationSpecifications) {}

  async execute({ user, integrationId, database, table }: DescribeSpecificationTableQuery) {
    const connector = await this.specifications.connectorOf(user, integrationId);
    const [info] = await connector.describe(database, [table]);
    if (!info) throw new NotFoundError('CONNECTOR.TABLE_NOT_FOUND', `Entity set '${table}' does not exist`);
    return info;
  }
}
