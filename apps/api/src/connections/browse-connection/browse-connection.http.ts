import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../identity';
import { ApiProblems } from '../../infrastructure/http/openapi/api-responses';
import {
  ConnectionTestResultSchema,
  DatabaseListSchema,
  TableListSchema,
  TableSchema,
} from './browse-connection.schema';
import {
  DescribeTableQuery,
  ListDatabasesQuery,
  ListTablesQuery,
  TestConnectionQuery,
} from './browse-connection.queries';

const ID = { name: 'id', format: 'uuid', description: 'The connection id' } as const;
const DB = {
  name: 'db',
  description: 'A database of the connection (SQLite: `main`)',
  example: 'main',
} as const;
const TABLE = {
  name: 'table',
  description: 'A table or view, as the database names it',
  example: 'orders',
} as const;

/** What reaching the connection's database may answer, whatever is asked of it. */
export const CONNECTOR_PROBLEMS = {
  400: 'The id is not a UUID; CONNECTOR.PATH_NOT_ALLOWED or CONNECTOR.INVALID_OPTIONS: the connection details cannot be used',
  403: 'CONNECTOR.PERMISSION_DENIED: the database user may not read this',
  422: 'CONNECTOR.AUTH_FAILED: the database refused the credentials',
  503: 'CONNECTOR.UNREACHABLE or CONNECTOR.TIMEOUT: the database does not answer (Retry-After)',
} as const;
const NO_CONNECTION =
  'CONNECTION.NOT_FOUND: no such connection, a deleted one, or one of an environment the caller holds no role in';

@ApiTags('connections')
@ApiBearerAuth()
@Controller('api/connections')
export class BrowseConnectionController {
  constructor(private readonly queries: QueryBus) {}

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Connect and report the server version and round-trip latency' })
  @ApiParam(ID)
  @ApiOkResponse({ type: ConnectionTestResultSchema })
  @ApiProblems({
    ...CONNECTOR_PROBLEMS,
    404: `${NO_CONNECTION}; CONNECTOR.DATABASE_NOT_FOUND: the database (SQLite: the file) does not exist`,
  })
  test(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new TestConnectionQuery(context.user, id));
  }

  @Get(':id/databases')
  @ApiOperation({ summary: 'Databases of the connection’s server' })
  @ApiParam(ID)
  @ApiOkResponse({ type: DatabaseListSchema })
  @ApiProblems({
    ...CONNECTOR_PROBLEMS,
    404: `${NO_CONNECTION}; CONNECTOR.DATABASE_NOT_FOUND: the database (SQLite: the file) does not exist`,
  })
  databases(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListDatabasesQuery(context.user, id));
  }

  @Get(':id/databases/:db/tables')
  @ApiOperation({ summary: 'Tables and views of a database' })
  @ApiParam(ID)
  @ApiParam(DB)
  @ApiOkResponse({ type: TableListSchema })
  @ApiProblems({
    ...CONNECTOR_PROBLEMS,
    404: `${NO_CONNECTION}; CONNECTOR.DATABASE_NOT_FOUND: no such database`,
  })
  tables(@Param('id', ParseUUIDPipe) id: string, @Param('db') db: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListTablesQuery(context.user, id, db));
  }

  @Get(':id/databases/:db/tables/:table')
  @ApiOperation({ summary: 'Attributes, keys and indexes of one table' })
  @ApiParam(ID)
  @ApiParam(DB)
  @ApiParam(TABLE)
  @ApiOkResponse({ type: TableSchema })
  @ApiProblems({
    ...CONNECTOR_PROBLEMS,
    404: `${NO_CONNECTION}; CONNECTOR.DATABASE_NOT_FOUND or CONNECTOR.TABLE_NOT_FOUND: no such database or table`,
  })
  table(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('db') db: string,
    @Param('table') table: string,
    @Ctx() context: RequestContext,
  ) {
    return this.queries.execute(new DescribeTableQuery(context.user, id, db, table));
  }
}
