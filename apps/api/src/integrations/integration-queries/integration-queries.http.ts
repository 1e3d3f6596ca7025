import { Controller, Get, Param, ParseUUIDPipe, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { setEtag } from '../../infrastructure/http/etag';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { PageParams } from '../../infrastructure/http/page-params';
import { GetIntegrationQuery, ListIntegrationsQuery } from './integration-queries';
import { GetIntegrationReviewQuery } from './integration-review.query';

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class IntegrationQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Integrations of the environments you have a role in' })
  list(@QueryParams() params: PageParams, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListIntegrationsQuery(context.user, params.toFilter()));
  }

  @Get(':id')
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const view = await this.queries.execute(new GetIntegrationQuery(context.user, id));
    setEtag(reply, view.version);
    return view;
  }

  @Get(':id/review')
  @ApiOperation({ summary: 'Review the integration before publishing' })
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
