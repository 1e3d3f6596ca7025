import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../identity';
import { ApiProblems } from '../../infrastructure/http/openapi/api-responses';
import { CONNECTOR_PROBLEMS } from '../browse-connection/browse-connection.http';
import { ConnectionTestResultSchema } from '../browse-connection/browse-connection.schema';
import { TestConnectionRequestQuery } from './test-connection-request.query';

@ApiTags('connection-requests')
@ApiBearerAuth()
@Controller('api/connection-requests')
export class TestConnectionRequestController {
  constructor(private readonly queries: QueryBus) {}

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Try the details of a pending request, with its password, before approving it: connect and report ' +
      'the server version and round-trip latency (administrators of its environment)',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The connection request id' })
  @ApiOkResponse({ type: ConnectionTestResultSchema })
  @ApiProblems({
    ...CONNECTOR_PROBLEMS,
    403:
      'AUTH.ADMIN_REQUIRED: administrators of the request’s environment test it (its requester may not); ' +
      'CONNECTOR.PERMISSION_DENIED: the database user may not connect',
    404:
      'CONNECTION_REQUEST.NOT_FOUND: no such request, or one the caller may not see; ' +
      'CONNECTOR.DATABASE_NOT_FOUND: the database (SQLite: the file) does not exist',
    409: 'CONNECTION_REQUEST.NOT_PENDING: it was approved, rejected or cancelled already (by whom and when)',
  })
  test(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new TestConnectionRequestQuery(context.user, id));
  }
}
