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
import { type ConnectionRequestStatus } from './connection-requests.projection';
import { CONNECTION_REQUEST_STATUSES, ConnectionRequestSchema } from './connection-request.schema';
import {
  type ConnectionRequestListFilter,
  ConnectionRequestViews,
  type ConnectionRequestView,
} from './connection-request-views';
import { Omittable } from '../../infrastructure/http/omittable.decorator';
import { PageParams } from '../../infrastructure/http/page-params';

/** `?offset=&limit=&environment=&status=` on the connection request list. */
export class ConnectionRequestListParams extends PageParams {
  @ApiPropertyOptional({ description: 'Only the requests of this environment (one you have a role in)' })
  @Omittable()
  @IsString()
  @MaxLength(40)
  environment?: string;

  @ApiPropertyOptional({ enum: CONNECTION_REQUEST_STATUSES, description: 'Only the requests in this status' })
  @Omittable()
  @IsIn(CONNECTION_REQUEST_STATUSES)
  status?: ConnectionRequestStatus;

  toFilter(): ConnectionRequestListFilter {
    return { environment: this.environment, status: this.status, ...this.toPage() };
  }
}

export class ListConnectionRequestsQuery extends Query<{ items: ConnectionRequestView[]; total: number }> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly filter: ConnectionRequestListFilter,
  ) {
    super();
  }
}

@QueryHandler(ListConnectionRequestsQuery)
export class ListConnectionRequestsHandler implements IQueryHandler<ListConnectionRequestsQuery> {
  constructor(private readonly views: ConnectionRequestViews) {}
  execute({ user, filter }: ListConnectionRequestsQuery) {
    return this.views.list(user, filter);
  }
}

export class GetConnectionRequestQuery extends Query<ConnectionRequestView> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly id: string,
  ) {
    super();
  }
}

@QueryHandler(GetConnectionRequestQuery)
export class GetConnectionRequestHandler implements IQueryHandler<GetConnectionRequestQuery> {
  constructor(private readonly views: ConnectionRequestViews) {}
  execute({ user, id }: GetConnectionRequestQuery) {
    return this.views.get(id, user);
  }
}

@ApiTags('connection-requests')
@ApiBearerAuth()
@Controller('api/connection-requests')
export class ConnectionRequestQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'Connection requests, newest first (administrators: all of their environments; others: their own)',
  })
  @ApiList(ConnectionRequestSchema, 'A page of the requests; `total` counts them all')
  @ApiProblems({
    400: 'An unknown status, a too long environment name, or offset or limit out of range',
  })
  list(@QueryParams() params: ConnectionRequestListParams, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListConnectionRequestsQuery(context.user, params.toFilter()));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A connection request the caller may see, with its ETag' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The connection request id' })
  @ApiOkResponse({ type: ConnectionRequestSchema, headers: ETAG_HEADER })
  @ApiProblems({
    400: 'The id is not a UUID',
    404: 'CONNECTION_REQUEST.NOT_FOUND: no such request, or one the caller may not see',
  })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const view = await this.queries.execute(new GetConnectionRequestQuery(context.user, id));
    setEtag(reply, view.version);
    return view;
  }
}
