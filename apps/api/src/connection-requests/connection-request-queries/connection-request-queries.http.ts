import { Controller, Get, Param, ParseUUIDPipe, Query as QueryParams, Res } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { type AuthenticatedUser } from '../../auth/authenticated-user';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { setEtag } from '../../infrastructure/http/etag';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ConnectionRequestViews, type ConnectionRequestView } from './connection-request-views';

export class ConnectionRequestListParams {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  environment?: string;

  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected', 'cancelled'] })
  @IsOptional()
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
  list(@QueryParams() params: ConnectionRequestListParams, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListConnectionRequestsQuery(context.user, params));
  }

  @Get(':id')
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
