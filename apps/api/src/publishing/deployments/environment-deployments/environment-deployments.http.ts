import { Controller, Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../identity';
import { AsOfParams } from '../../../infrastructure/history/past-state.params';
import { ApiList, ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { DeployedIntegrationSchema } from './deployed-integration.schema';
import { ListEnvironmentDeploymentsQuery } from './environment-deployments.query';

@ApiTags('deployments')
@ApiBearerAuth()
@Controller('api/environments')
export class EnvironmentDeploymentsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':env/deployments')
  @ApiOperation({
    summary:
      'The integration versions deployed in the environment and the connections bound there; with asOf, ' +
      'those of that moment (folded from the event log)',
  })
  @ApiParam({ name: 'env', description: 'The environment name', example: 'qa' })
  @ApiList(DeployedIntegrationSchema, 'One entry per integration deployed there, by integration id')
  @ApiProblems({
    400: 'asOf is no date-time with an offset',
    404: 'ENVIRONMENT.NOT_FOUND: no such environment, or one the caller holds no role in (owners: any)',
  })
  list(@Param('env') environment: string, @QueryParams() params: AsOfParams, @Ctx() context: RequestContext) {
    return this.queries.execute(
      new ListEnvironmentDeploymentsQuery(context.user, environment, params.asOfMoment()),
    );
  }
}
