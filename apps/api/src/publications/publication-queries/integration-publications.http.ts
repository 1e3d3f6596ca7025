import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import {
  ListIntegrationPublicationsQuery,
  ListIntegrationVersionsQuery,
} from './integration-publications.queries';

/** An integration's publications and published versions, from the read model. */
@ApiTags('publications')
@ApiBearerAuth()
@Controller('api/integrations')
export class IntegrationPublicationsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/publications')
  @ApiOperation({ summary: "An integration's publications with their steps, newest first" })
  publications(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListIntegrationPublicationsQuery(context.user, id));
  }

  @Get(':id/versions')
  @ApiOperation({ summary: "An integration's published versions, newest first, with their packages" })
  versions(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListIntegrationVersionsQuery(context.user, id));
  }
}
