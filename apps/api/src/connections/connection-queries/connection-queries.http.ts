import { Controller, Get, Param, ParseUUIDPipe, Query as QueryParams } from '@nestjs/common';
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
import { PROVIDERS } from '@ib/domain';
import { type AuthenticatedUser, Ctx, type RequestContext } from '../../identity';
import { ApiList, ApiProblems } from '../../infrastructure/http/openapi/api-responses';
import { ConnectionSchema } from './connection.schema';
import { ConnectionViews, type ConnectionView } from './connection-views';
import { Omittable } from '../../infrastructure/http/omittable.decorator';

export class ConnectionListParams {
  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @MaxLength(40)
  environment?: string;

  @ApiPropertyOptional({ enum: PROVIDERS })
  @Omittable()
  @IsIn(PROVIDERS)
  provider?: string;
}

export class ListConnectionsQuery extends Query<{ items: ConnectionView[]; total: number }> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly filter: ConnectionListParams,
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
  @ApiList(ConnectionSchema)
  @ApiProblems({ 400: 'An unknown provider or a too long environment name' })
  list(@QueryParams() params: ConnectionListParams, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListConnectionsQuery(context.user, params));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A connection you may view; never its password' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The connection id' })
  @ApiOkResponse({ type: ConnectionSchema })
  @ApiProblems({
    400: 'The id is not a UUID',
    404: 'CONNECTION.NOT_FOUND: no such connection, a deleted one, or one of an environment the caller holds no role in',
  })
  get(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new GetConnectionQuery(context.user, id));
  }
}
