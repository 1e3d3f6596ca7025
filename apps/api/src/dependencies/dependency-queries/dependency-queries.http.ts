import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { GetIntegrationDependenciesQuery, ListDependenciesQuery } from './dependency-queries';

@ApiTags('dependencies')
@ApiBearerAuth()
@Controller('api')
export class DependencyQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('dependencies')
  @ApiOperation({ summary: 'Every runtime dependency with its installed version and update history' })
  list() {
    return this.queries.execute(new ListDependenciesQuery());
  }

  @Get('integrations/:id/dependencies')
  @ApiOperation({ summary: "What the integration's latest version was built against, and any republish due" })
  ofIntegration(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new GetIntegrationDependenciesQuery(context.user, id));
  }
}
