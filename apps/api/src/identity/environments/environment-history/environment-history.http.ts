import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { HistoryEntrySchema } from '../../../infrastructure/history/history-entry.schema';
import { ApiList, ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { GetEnvironmentHistoryQuery } from './environment-history.queries';

@ApiTags('environments')
@ApiBearerAuth()
@Controller('api/environments')
export class EnvironmentHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':name/history')
  @ApiOperation({
    summary:
      'Every event of the environment, oldest first, with who made it and what it changed (who holds a role there, and owners)',
  })
  @ApiParam({ name: 'name', description: 'The environment name', example: 'qa' })
  @ApiList(HistoryEntrySchema, 'The whole history, oldest first; `total` counts its events')
  @ApiProblems({
    404: 'ENVIRONMENT.NOT_FOUND: no such environment, or one whose past the caller may not read',
  })
  history(@Param('name') name: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new GetEnvironmentHistoryQuery(context.user, name));
  }
}
