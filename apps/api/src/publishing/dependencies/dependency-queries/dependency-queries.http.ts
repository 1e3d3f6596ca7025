import { Controller, Get, Param, ParseUUIDPipe, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { Ctx, type RequestContext } from '../../../identity';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { GetIntegrationDependenciesQuery, ListDependenciesQuery } from './dependency-queries';
import { InstalledDependenciesSchema } from './installed-dependencies.schema';
import { IntegrationDependenciesSchema } from './integration-dependencies.schema';
import { Omittable } from '../../../infrastructure/http/omittable.decorator';

export class ListDependenciesParams {
  @ApiPropertyOptional({
    example: 'development',
    pattern: '^[a-z][a-z0-9-]{0,39}$',
    description: 'The environment whose installed versions to list (you need a role there); yours by default',
  })
  @Omittable()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'environment must be an environment name' })
  environment?: string;
}

@ApiTags('dependencies')
@ApiBearerAuth()
@Controller('api')
export class DependencyQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('dependencies')
  @ApiOperation({
    summary: 'Every runtime dependency with the version installed in one environment and its updates there',
  })
  @ApiOkResponse({ type: InstalledDependenciesSchema })
  @ApiProblems({
    400: 'REQUEST.INVALID: environment is not an environment name',
    403: 'AUTH.NO_ACCESS_TO_ENVIRONMENT: the caller has no role in the environment',
  })
  list(@QueryParams() params: ListDependenciesParams, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListDependenciesQuery(context.user, params.environment));
  }

  @Get('integrations/:id/dependencies')
  @ApiOperation({
    summary:
      "What the integration's latest version was built against, and in each environment it is deployed " +
      'in, what the version there was built against and any republish due there',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiOkResponse({ type: IntegrationDependenciesSchema })
  @ApiProblems({ 404: 'INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in' })
  ofIntegration(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new GetIntegrationDependenciesQuery(context.user, id));
  }
}
