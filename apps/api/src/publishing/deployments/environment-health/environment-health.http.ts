import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../identity';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { EnvironmentHealthSchema } from './environment-health.schema';
import { GetEnvironmentHealthQuery } from './environment-health.query';

@ApiTags('deployments')
@ApiBearerAuth()
@Controller('api/environments')
export class EnvironmentHealthController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':env/health')
  @ApiOperation({
    summary:
      'Whether each connection bound in the environment answers and how fast (all tested at once, each given ' +
      'up after a few seconds), the last drift check and an overall status',
  })
  @ApiParam({ name: 'env', description: 'The environment name', example: 'qa' })
  @ApiOkResponse({ type: EnvironmentHealthSchema })
  @ApiProblems({
    404: 'ENVIRONMENT.NOT_FOUND: no such environment, or one the caller holds no role in (owners: any)',
  })
  health(@Param('env') environment: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new GetEnvironmentHealthQuery(context.user, environment));
  }
}
