import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import {
  DescribeTableQuery,
  ListDatabasesQuery,
  ListTablesQuery,
  TestConnectionQuery,
} from './browse-connection.queries';

@ApiTags('connections')
@ApiBearerAuth()
@Controller('api/connections')
export class BrowseConnectionController {
  constructor(private readonly queries: QueryBus) {}

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Connect and report the server version and round-trip latency' })
  test(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new TestConnectionQuery(context.user, id));
  }

  @Get(':id/databases')
  databases(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListDatabasesQuery(context.user, id));
  }

  @Get(':id/databases/:db/tables')
  @ApiOperation({ summary: 'Tables and views of a database' })
  tables(@Param('id', ParseUUIDPipe) id: string, @Param('db') db: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListTablesQuery(context.user, id, db));
  }

  @Get(':id/databases/:db/tables/:table')
  @ApiOperation({ summary: 'Attributes, keys and indexes of one table' })
  table(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('db') db: string,
    @Param('table') table: string,
    @Ctx() context: RequestContext,
  ) {
    return this.queries.execute(new DescribeTableQuery(context.user, id, db, table));
  }
}
