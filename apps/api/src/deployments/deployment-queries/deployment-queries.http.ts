import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { ListIntegrationDeploymentsQuery } from './deployment-queries';

@ApiTags('deployments')
@ApiBearerAuth()
@Controller('api/integrations')
export class DeploymentQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/deployments')
  @ApiOperation({ summary: 'The version deployed in each environment and the connection bound there' })
  list(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListIntegrationDeploymentsQuery(context.user, id));
  }
}
