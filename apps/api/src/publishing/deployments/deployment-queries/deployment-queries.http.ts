import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../identity';
import { ApiList, ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { ListIntegrationDeploymentsQuery } from './deployment-queries';
import { EnvironmentDeploymentSchema } from './environment-deployment.schema';

@ApiTags('deployments')
@ApiBearerAuth()
@Controller('api/integrations')
export class DeploymentQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/deployments')
  @ApiOperation({ summary: 'The version deployed in each environment and the connection bound there' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiList(EnvironmentDeploymentSchema, 'One entry per environment it is deployed in, by environment')
  @ApiProblems({ 404: 'INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in' })
  list(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListIntegrationDeploymentsQuery(context.user, id));
  }
}
