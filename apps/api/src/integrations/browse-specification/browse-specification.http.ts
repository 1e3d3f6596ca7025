import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DatabaseListSchema, TableListSchema, TableSchema } from '../../connections';
import { Ctx, type RequestContext } from '../../identity';
import { ApiProblems } from '../../infrastructure/http/openapi/api-responses';
import {
  DescribeSpecificationTableQuery,
  ListSpecificationDatabasesQuery,
  ListSpecificationTablesQuery,
} from './browse-specification.queries';

const ID = { name: 'id', format: 'uuid', description: 'The integration id' } as const;
const DB = { name: 'db', description: 'The service the specification describes', example: 'CatalogService' };
const TABLE = { name: 'table', description: 'An entity set of the service', example: 'Books' };
const NOT_FOUND =
  'INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in; INTEGRATION.SPECIFICATION_NOT_FOUND: none was uploaded';

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class BrowseSpecificationController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/specification/databases')
  @ApiOperation({ summary: 'The service of the integration’s uploaded specification' })
  @ApiParam(ID)
  @ApiOkResponse({ type: DatabaseListSchema })
  @ApiProblems({ 400: 'The id is not a UUID', 404: NOT_FOUND })
  databases(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListSpecificationDatabasesQuery(context.user, id));
  }

  @Get(':id/specification/databases/:db/tables')
  @ApiOperation({ summary: 'Entity sets of the uploaded specification, as tables' })
  @ApiParam(ID)
  @ApiParam(DB)
  @ApiOkResponse({ type: TableListSchema })
  @ApiProblems({
    400: 'The id is not a UUID',
    404: `${NOT_FOUND}; CONNECTOR.DATABASE_NOT_FOUND: the specification describes another service`,
  })
  tables(@Param('id', ParseUUIDPipe) id: string, @Param('db') db: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListSpecificationTablesQuery(context.user, id, db));
  }

  @Get(':id/specification/databases/:db/tables/:table')
  @ApiOperation({ summary: 'Attributes, keys and relations of one entity set of the uploaded specification' })
  @ApiParam(ID)
  @ApiParam(DB)
  @ApiParam(TABLE)
  @ApiOkResponse({ type: TableSchema })
  @ApiProblems({
    400: 'The id is not a UUID',
    404: `${NOT_FOUND}; CONNECTOR.DATABASE_NOT_FOUND or CONNECTOR.TABLE_NOT_FOUND: no such service or entity set`,
  })
  table(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('db') db: string,
    @Param('table') table: string,
    @Ctx() context: RequestContext,
  ) {
    return this.queries.execute(new DescribeSpecificationTableQuery(context.user, id, db, table));
  }
}
