import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { HistoryEntrySchema } from '../../../infrastructure/history/history-entry.schema';
import { ApiList, ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { GetUserHistoryQuery } from './user-history.queries';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UserHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/history')
  @ApiOperation({
    summary:
      'Every event of the user, oldest first, with who made it and what it changed (who may see the user, and the auditors and administrators of every environment the user held a role in)',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The user id' })
  @ApiList(HistoryEntrySchema, 'The whole history, oldest first; `total` counts its events')
  @ApiProblems({
    400: 'The id is not a UUID',
    404: 'USER.NOT_FOUND: no such user, or one whose past the caller may not read',
  })
  history(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new GetUserHistoryQuery(context.user, id));
  }
}
