import { Controller, Get, Param, Query as QueryParams } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@ib/domain';
import { type AuthenticatedUser } from '../../auth/authenticated-user';
import { allows, environmentsAllowing } from '../../auth/policy';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { ApiList, ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { PageParams } from '../../../infrastructure/http/page-params';
import { PastStateParams } from '../../../infrastructure/history/past-state.params';
import { GetPastEnvironmentQuery } from '../environment-history/environment-history.queries';
import { EnvironmentSchema } from './environment.schema';
import { EnvironmentViews, type EnvironmentView } from './environment-views';

/** Owners see every environment of the installation; others the ones they hold a role in. */
const visible = (user: AuthenticatedUser, name: string) =>
  user.owner || allows(user, 'environment.read', name);

export class ListEnvironmentsQuery extends Query<{ items: EnvironmentView[]; total: number }> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly page: Readonly<{ offset: number; limit: number }>,
  ) {
    super();
  }
}

@QueryHandler(ListEnvironmentsQuery)
export class ListEnvironmentsHandler implements IQueryHandler<ListEnvironmentsQuery> {
  constructor(private readonly views: EnvironmentViews) {}
  /** `visible`, as the view's filter. */
  async execute({ user, page }: ListEnvironmentsQuery) {
    const names = user.owner ? undefined : environmentsAllowing(user, 'environment.read');
    return this.views.list({ names, ...page });
  }
}

export class GetEnvironmentQuery extends Query<EnvironmentView> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly name: string,
  ) {
    super();
  }
}

@QueryHandler(GetEnvironmentQuery)
export class GetEnvironmentHandler implements IQueryHandler<GetEnvironmentQuery> {
  constructor(private readonly views: EnvironmentViews) {}
  async execute({ user, name }: GetEnvironmentQuery) {
    if (!visible(user, name))
      throw new NotFoundError('ENVIRONMENT.NOT_FOUND', `Environment '${name}' does not exist`);
    return this.views.get(name);
  }
}

@ApiTags('environments')
@ApiBearerAuth()
@Controller('api/environments')
export class EnvironmentQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'The environments the caller holds a role in (owners: every environment)' })
  @ApiList(EnvironmentSchema, 'A page of the environments, by name; `total` counts them all')
  @ApiProblems({ 400: 'offset or limit out of range' })
  list(@QueryParams() params: PageParams, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListEnvironmentsQuery(context.user, params.toPage()));
  }

  @Get(':name')
  @ApiOperation({
    summary:
      'An environment the caller holds a role in (owners: any); with asOf or version, as it was then (folded from the event log)',
  })
  @ApiParam({ name: 'name', description: 'The environment name', example: 'qa' })
  @ApiOkResponse({ type: EnvironmentSchema })
  @ApiProblems({
    400: 'asOf is no date-time with an offset, version no integer >= 0, or both are given',
    404: 'ENVIRONMENT.NOT_FOUND: no such environment, one the caller may not see, or (asOf, version) one that did not exist then',
  })
  get(@Param('name') name: string, @QueryParams() past: PastStateParams, @Ctx() context: RequestContext) {
    const moment = past.moment();
    return moment === undefined
      ? this.queries.execute(new GetEnvironmentQuery(context.user, name))
      : this.queries.execute(new GetPastEnvironmentQuery(context.user, name, moment));
  }
}
