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
import { PastStateParams } from '../../infrastructure/history/past-state.params';
import { ApiList, ApiProblems, ETAG_HEADER } from '../../infrastructure/http/openapi/api-responses';
import { GetPastConnectionRequestQuery } from '../connection-request-history/connection-request-history.queries';
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
  @ApiOperation({
    summary:
      'A connection request the caller may see, with its ETag. With asOf or version, as it was then ' +
      '(folded from the event log; its requester, and the administrators, auditors and owners of its environment)',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The connection request id' })
  @ApiOkResponse({ type: ConnectionRequestSchema, headers: ETAG_HEADER })
  @ApiProblems({
    400: 'The id is not a UUID, or asOf is no date-time with an offset, version no integer >= 0, or both are given',
    404:
      'CONNECTION_REQUEST.NOT_FOUND: no such request, or one the caller may not see; with asOf or version: ' +
      'one that did not exist then, or whose past the caller may not read',
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
        ? await this.queries.execute(new GetConnectionRequestQuery(context.user, id))
        : await this.queries.execute(new GetPastConnectionRequestQuery(context.user, id, moment));
    setEtag(reply, view.version);
    return view;
  }
}
