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
import { ConnectionRequestSchema } from './connection-request.schema';
import { ConnectionRequestViews, type ConnectionRequestView } from './connection-request-views';
import { Omittable } from '../../infrastructure/http/omittable.decorator';

export class ConnectionRequestListParams {
  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @MaxLength(40)
  environment?: string;

  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected', 'cancelled'] })
  @Omittable()
  @IsIn(['pending', 'approved', 'rejected', 'cancelled'])
  status?: string;
}

export class ListConnectionRequestsQuery extends Query<{ items: ConnectionRequestView[]; total: number }> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly filter: ConnectionRequestListParams,
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
  @ApiList(ConnectionRequestSchema)
  @ApiProblems({ 400: 'An unknown status or a too long environment name' })
  list(@QueryParams() params: ConnectionRequestListParams, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListConnectionRequestsQuery(context.user, params));
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
