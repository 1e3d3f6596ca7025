import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../identity';
import { HistoryEntrySchema } from '../../infrastructure/history/history-entry.schema';
import { ApiList, ApiProblems } from '../../infrastructure/http/openapi/api-responses';
import { GetConnectionHistoryQuery } from './connection-history.queries';

@ApiTags('connections')
@ApiBearerAuth()
@Controller('api/connections')
export class ConnectionHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/history')
  @ApiOperation({
    summary:
      'Every event of the connection, oldest first, with who made it and what it changed; never its password (those who read it, and the auditors and administrators of its environment)',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The connection id' })
  @ApiList(HistoryEntrySchema, 'The whole history, oldest first; `total` counts its events')
  @ApiProblems({
    400: 'The id is not a UUID',
    404: 'CONNECTION.NOT_FOUND: no such connection, or one whose past the caller may not read',
  })
  history(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new GetConnectionHistoryQuery(context.user, id));
  }
}
