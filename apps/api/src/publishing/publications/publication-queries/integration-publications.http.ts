import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../identity';
import { ApiList, ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import {
  ListIntegrationPublicationsQuery,
  ListIntegrationVersionsQuery,
} from './integration-publications.queries';
import { PublicationSchema, PublishedVersionSchema } from './publication.schema';

const NOT_FOUND = { 404: 'INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in' };

/** An integration's publications and published versions, from the read model. */
@ApiTags('publications')
@ApiBearerAuth()
@Controller('api/integrations')
export class IntegrationPublicationsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/publications')
  @ApiOperation({ summary: "An integration's publications with their steps, newest first" })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiList(PublicationSchema, 'Its publications, newest first')
  @ApiProblems(NOT_FOUND)
  publications(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListIntegrationPublicationsQuery(context.user, id));
  }

  @Get(':id/versions')
  @ApiOperation({ summary: "An integration's published versions, newest first, with their packages" })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiList(PublishedVersionSchema, 'Its published versions, newest first')
  @ApiProblems(NOT_FOUND)
  versions(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListIntegrationVersionsQuery(context.user, id));
  }
}
