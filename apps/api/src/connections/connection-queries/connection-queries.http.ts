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
import { PROVIDERS, type Provider } from '@ib/domain';
import { type AuthenticatedUser, Ctx, type RequestContext } from '../../identity';
import { PastStateParams } from '../../infrastructure/history/past-state.params';
import { setEtag } from '../../infrastructure/http/etag';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiList, ApiProblems, ETAG_HEADER } from '../../infrastructure/http/openapi/api-responses';
import { GetPastConnectionQuery } from '../connection-history/connection-history.queries';
import { ConnectionSchema } from './connection.schema';
import { type ConnectionListFilter, ConnectionViews, type ConnectionView } from './connection-views';
import { Omittable } from '../../infrastructure/http/omittable.decorator';
import { PageParams } from '../../infrastructure/http/page-params';

/** `?offset=&limit=&environment=&provider=` on the connection list. */
export class ConnectionListParams extends PageParams {
  @ApiPropertyOptional({ description: 'Only the connections of this environment (one you have a role in)' })
  @Omittable()
  @IsString()
  @MaxLength(40)
  environment?: string;

  @ApiPropertyOptional({ enum: PROVIDERS })
  @Omittable()
  @IsIn(PROVIDERS)
  provider?: Provider;

  toFilter(): ConnectionListFilter {
    return { environment: this.environment, provider: this.provider, ...this.toPage() };
  }
}

export class ListConnectionsQuery extends Query<{ items: ConnectionView[]; total: number }> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly filter: ConnectionListFilter,
  ) {
    super();
  }
}

@QueryHandler(ListConnectionsQuery)
export class ListConnectionsHandler implements IQueryHandler<ListConnectionsQuery> {
  constructor(private readonly views: ConnectionViews) {}
  execute({ user, filter }: ListConnectionsQuery) {
    return this.views.list(user, filter);
  }
}

export class GetConnectionQuery extends Query<ConnectionView> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly id: string,
  ) {
    super();
  }
}

@QueryHandler(GetConnectionQuery)
export class GetConnectionHandler implements IQueryHandler<GetConnectionQuery> {
  constructor(private readonly views: ConnectionViews) {}
  execute({ user, id }: GetConnectionQuery) {
    return this.views.get(id, user);
  }
}

@ApiTags('connections')
@ApiBearerAuth()
@Controller('api/connections')
export class ConnectionQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Connections you may view (those of your environments), by name' })
  @ApiList(ConnectionSchema, 'A page of the connections; `total` counts them all')
  @ApiProblems({ 400: 'An unknown provider, a too long environment name, or offset or limit out of range' })
  list(@QueryParams() params: ConnectionListParams, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListConnectionsQuery(context.user, params.toFilter()));
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'A connection you may view; never its password. With asOf or version, as it was then (folded from ' +
      'the event log; those who read it, and the auditors and administrators of its environment)',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The connection id' })
  @ApiOkResponse({ type: ConnectionSchema, headers: ETAG_HEADER })
  @ApiProblems({
    400: 'The id is not a UUID, or asOf is no date-time with an offset, version no integer >= 0, or both are given',
    404:
      'CONNECTION.NOT_FOUND: no such connection, a deleted one, or one of an environment the caller holds no role in; ' +
      'with asOf or version: one that did not exist then (or was deleted), or whose past the caller may not read',
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
        ? await this.queries.execute(new GetConnectionQuery(context.user, id))
        : await this.queries.execute(new GetPastConnectionQuery(context.user, id, moment));
    setEtag(reply, view.version);
    return view;
  }
}
