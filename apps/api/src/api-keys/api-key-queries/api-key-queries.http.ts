import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { ListApiKeysQuery } from './api-key-queries';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api/environments')
export class ApiKeyQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':env/api-keys')
  @ApiOperation({ summary: "An environment's API keys, newest first (admin there); never the keys" })
  list(@Param('env') environment: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListApiKeysQuery(context.user, environment));
  }
}
