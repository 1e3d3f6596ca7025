import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../identity';
import { HistoryEntrySchema } from '../../infrastructure/history/history-entry.schema';
import { ApiList, ApiProblems } from '../../infrastructure/http/openapi/api-responses';
import { GetConnectionRequestHistoryQuery } from './connection-request-history.queries';

@ApiTags('connection-requests')
@ApiBearerAuth()
@Controller('api/connection-requests')
export class ConnectionRequestHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/history')
  @ApiOperation({
    summary:
      'Every event of the connection request, oldest first, with who made it and what it changed (its requester, and the administrators, auditors and owners of its environment)',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The connection request id' })
  @ApiList(HistoryEntrySchema, 'The whole history, oldest first; `total` counts its events')
  @ApiProblems({
    400: 'The id is not a UUID',
    404: 'CONNECTION_REQUEST.NOT_FOUND: no such request, or one whose past the caller may not read',
  })
  history(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new GetConnectionRequestHistoryQuery(context.user, id));
  }
}
