import { Controller, Get, Param, ParseUUIDPipe, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../identity';
import { setEtag } from '../../infrastructure/http/etag';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { PastStateParams } from '../../infrastructure/history/past-state.params';
import { ApiList, ApiProblems, ETAG_HEADER } from '../../infrastructure/http/openapi/api-responses';
import { GetPastIntegrationQuery } from '../integration-history/past-integration.query';
import { GetIntegrationQuery, ListIntegrationsQuery } from './integration-queries';
import { IntegrationListParams } from './integration-list.params';
import { GetIntegrationReviewQuery } from './integration-review.query';
import { IntegrationReviewSchema } from './integration-review.schema';
import { IntegrationListItemSchema, IntegrationSchema } from './integration.schema';

const ID = { name: 'id', format: 'uuid', description: 'The integration id' } as const;
const UNKNOWN = {
  400: 'The id is not a UUID',
  404: 'INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in',
} as const;

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class IntegrationQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Integrations of the environments you have a role in, most recently changed first by default',
  })
  @ApiList(
    IntegrationListItemSchema,
    'A page of the integrations, each with the version it serves in each environment; `total` counts them all',
  )
  @ApiProblems({ 400: 'offset or limit out of range, a too long environment name, or an unknown sort' })
  list(@QueryParams() params: IntegrationListParams, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListIntegrationsQuery(context.user, params.toFilter()));
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'An integration, with its ETag; with asOf or version, as it was then (folded from the event log; ' +
      'its members, and the auditors and administrators of its environment)',
  })
  @ApiParam(ID)
  @ApiOkResponse({ type: IntegrationSchema, headers: ETAG_HEADER })
  @ApiProblems({
    400: 'The id is not a UUID, or asOf is no date-time with an offset, version no integer >= 0, or both are given',
    404: `${UNKNOWN[404]}; with asOf or version: one that did not exist then, or whose past the caller may not read`,
  })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @QueryParams() past: PastStateParams,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const moment = past.moment();
    const view =
      moment === undefined
        ? await this.queries.execute(new GetIntegrationQuery(context.user, id))
        : await this.queries.execute(new GetPastIntegrationQuery(context.user, id, moment));
    setEtag(reply, view.version);
    return view;
  }

  @Get(':id/review')
  @ApiOperation({ summary: 'Review the integration before publishing' })
  @ApiParam(ID)
  @ApiOkResponse({ type: IntegrationReviewSchema, headers: ETAG_HEADER })
  @ApiProblems(UNKNOWN)
  async review(
    @Param('id', ParseUUIDPipe) id: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const review = await this.queries.execute(new GetIntegrationReviewQuery(context.user, id));
    setEtag(reply, review.integration.version);
    return review;
  }
}
