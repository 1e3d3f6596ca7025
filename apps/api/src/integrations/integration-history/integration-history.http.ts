import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../identity';
import { HistoryEntrySchema } from '../../infrastructure/history/history-entry.schema';
import { ApiList, ApiProblems } from '../../infrastructure/http/openapi/api-responses';
import { GetIntegrationHistoryQuery } from './integration-history.query';

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class IntegrationHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/history')
  @ApiOperation({
    summary:
      'Every event of the integration, oldest first, with who made it and what it changed (its members, and the auditors and administrators of its environment)',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiList(HistoryEntrySchema, 'The whole history, oldest first; `total` counts its events')
  @ApiProblems({
    400: 'The id is not a UUID',
    404: 'INTEGRATION.NOT_FOUND: no such integration, or one whose past the caller may not read',
  })
  history(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new GetIntegrationHistoryQuery(context.user, id));
  }
}
