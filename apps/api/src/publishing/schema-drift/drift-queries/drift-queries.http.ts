import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../identity';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { GetEnvironmentDriftQuery, GetIntegrationDriftQuery } from './drift-queries';
import { EnvironmentDriftSchema, IntegrationDriftSchema } from './drift.schema';

@ApiTags('schema drift')
@ApiBearerAuth()
@Controller('api')
export class DriftQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('integrations/:id/drift')
  @ApiOperation({
    summary:
      "The integration's current schema drift in each environment it was checked in (whoever reads the integration)",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({
    name: 'environment',
    required: false,
    description: 'One environment; without it, every environment the caller holds a role in',
  })
  @ApiOkResponse({ type: IntegrationDriftSchema })
  @ApiProblems({
    400: 'Invalid id',
    403: 'AUTH.NO_ACCESS_TO_ENVIRONMENT: the caller holds no role in `environment`',
    404: 'INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in',
  })
  integration(
    @Param('id', ParseUUIDPipe) integrationId: string,
    @Ctx() context: RequestContext,
    @Query('environment') environment?: string,
  ) {
    return this.queries.execute(
      new GetIntegrationDriftQuery(context.user, integrationId, environment === '' ? undefined : environment),
    );
  }

  @Get('environments/:env/drift')
  @ApiOperation({
    summary:
      "The schema drift of every integration checked in the environment, and the environment's last check",
  })
  @ApiParam({ name: 'env', example: 'qa' })
  @ApiOkResponse({ type: EnvironmentDriftSchema })
  @ApiProblems({ 404: 'ENVIRONMENT.NOT_FOUND: no such environment, or one the caller holds no role in' })
  environment(@Param('env') environment: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new GetEnvironmentDriftQuery(context.user, environment));
  }
}
