import { Controller, Get, Param, ParseUUIDPipe, Query as QueryParams, Res } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { type AuthenticatedUser, Ctx, type RequestContext } from '../../identity';
import { setEtag } from '../../infrastructure/http/etag';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiList, ApiProblems, ETAG_HEADER } from '../../infrastructure/http/openapi/api-responses';
import { Omittable } from '../../infrastructure/http/omittable.decorator';
import { PageParams } from '../../infrastructure/http/page-params';
import { type ChangeRequestView, type ChangeRequestViewStatus } from './change-requests.projection';
import { CHANGE_REQUEST_STATUSES, ChangeRequestSchema } from './change-request.schema';
import { type ChangeRequestListFilter, ChangeRequestViews } from './change-request-views';

/** `?offset=&limit=&environment=&status=` on the change request list. */
export class ChangeRequestListParams extends PageParams {
  @ApiPropertyOptional({ description: 'Only the requests of this environment' })
  @Omittable()
  @IsString()
  @MaxLength(40)
  environment?: string;

  @ApiPropertyOptional({ enum: CHANGE_REQUEST_STATUSES, description: 'Only the requests in this status' })
  @Omittable()
  @IsIn(CHANGE_REQUEST_STATUSES)
  status?: ChangeRequestViewStatus;

  toFilter(): ChangeRequestListFilter {
    return { environment: this.environment, status: this.status, ...this.toPage() };
  }
}

export class ListChangeRequestsQuery extends Query<{ items: ChangeRequestView[]; total: number }> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly filter: ChangeRequestListFilter,
  ) {
    super();
  }
}

@QueryHandler(ListChangeRequestsQuery)
export class ListChangeRequestsHandler implements IQueryHandler<ListChangeRequestsQuery> {
  constructor(private readonly views: ChangeRequestViews) {}
  execute({ user, filter }: ListChangeRequestsQuery) {
    return this.views.list(user, filter);
  }
}

export class GetChangeRequestQuery extends Query<ChangeRequestView> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly id: string,
  ) {
    super();
  }
}

@QueryHandler(GetChangeRequestQuery)
export class GetChangeRequestHandler implements IQueryHandler<GetChangeRequestQuery> {
  constructor(private readonly views: ChangeRequestViews) {}
  execute({ user, id }: GetChangeRequestQuery) {
    return this.views.get(id, user);
  }
}

@ApiTags('change-requests')
@ApiBearerAuth()
@Controller('api/change-requests')
export class ChangeRequestQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'Four-eyes change requests, newest first: every one of the environments you administer, and your own',
  })
  @ApiList(ChangeRequestSchema, 'A page of the requests; `total` counts them all')
  @ApiProblems({ 400: 'An unknown status, a too long environment name, or offset or limit out of range' })
  list(@QueryParams() params: ChangeRequestListParams, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListChangeRequestsQuery(context.user, params.toFilter()));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A change request (its requester, the administrators of its environment)' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The change request id' })
  @ApiOkResponse({ type: ChangeRequestSchema, headers: ETAG_HEADER })
  @ApiProblems({
    400: 'The id is not a UUID',
    404: 'CHANGE_REQUEST.NOT_FOUND: no such request, or one the caller may not see',
  })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const view = await this.queries.execute(new GetChangeRequestQuery(context.user, id));
    setEtag(reply, view.version);
    return view;
  }
}
