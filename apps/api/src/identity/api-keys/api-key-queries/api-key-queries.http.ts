import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { ApiList, ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { ListApiKeysQuery } from './api-key-queries';
import { ApiKeySchema } from './api-key.schema';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api/environments')
export class ApiKeyQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':env/api-keys')
  @ApiOperation({ summary: "An environment's API keys, newest first (admin there); never the keys" })
  @ApiParam({ name: 'env', description: 'The environment', example: 'development' })
  @ApiList(ApiKeySchema, 'Its keys, revoked ones included, newest first')
  @ApiProblems({ 403: 'AUTH.ADMIN_REQUIRED: the caller does not administer the environment' })
  list(@Param('env') environment: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListApiKeysQuery(context.user, environment));
  }
}
