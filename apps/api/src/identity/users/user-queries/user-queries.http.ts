import { Controller, Get, Param, ParseUUIDPipe, Query as QueryParams } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@ib/domain';
import { type AuthenticatedUser } from '../../auth/authenticated-user';
import { authorizeUserAdministration, maySeeUser, usersSeenBy } from '../../auth/policy';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { ApiList, ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { PageParams } from '../../../infrastructure/http/page-params';
import { PastStateParams } from '../../../infrastructure/history/past-state.params';
import { GetPastUserQuery } from '../user-history/user-history.queries';
import { UserSchema } from './user.schema';
import { UserViews, type UserView } from './user-views';

export class ListUsersQuery extends Query<{ items: UserView[]; total: number }> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly page: Readonly<{ offset: number; limit: number }>,
  ) {
    super();
  }
}

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(private readonly views: UserViews) {}
  /** `maySeeUser`, as the view's filter: themselves, and the holders of a role where they read users. */
  async execute({ user, page }: ListUsersQuery) {
    // Listing users is for owners and administrators (a 403 for anyone else).
    authorizeUserAdministration(user);
    return this.views.list({ where: usersSeenBy(user), ...page });
  }
}

export class GetUserQuery extends Query<UserView> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly id: string,
  ) {
    super();
  }
}

@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery> {
  constructor(private readonly views: UserViews) {}
  /** The same visibility as the list: a user one may not see does not exist for them. */
  async execute({ user, id }: GetUserQuery) {
    const view = await this.views.get(id);
    if (!maySeeUser(user, view)) throw new NotFoundError('USER.NOT_FOUND', `User ${id} does not exist`);
    return view;
  }
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UserQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'Users (owners: every user; administrators: the users holding a role in an environment they administer, and themselves)',
  })
  @ApiList(UserSchema, 'A page of the users, by username; `total` counts them all')
  @ApiProblems({
    400: 'offset or limit out of range',
    403: 'AUTH.ADMIN_REQUIRED: the caller administers no environment and is no owner',
  })
  list(@QueryParams() params: PageParams, @Ctx() context: RequestContext) {
    return this.queries.execute(new ListUsersQuery(context.user, params.toPage()));
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'A user the caller may see (the same visibility as the list; anyone: themselves). With asOf or version, ' +
      'as it was then (folded from the event log; also for the auditors and administrators of every ' +
      'environment the user held a role in)',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The user id' })
  @ApiOkResponse({ type: UserSchema })
  @ApiProblems({
    400: 'The id is not a UUID, or asOf is no date-time with an offset, version no integer >= 0, or both are given',
    404:
      'USER.NOT_FOUND: no such user, or one the caller may not see; with asOf or version: one that did not ' +
      'exist then, or whose past the caller may not read',
  })
  get(
    @Param('id', ParseUUIDPipe) id: string,
    @QueryParams() past: PastStateParams,
    @Ctx() context: RequestContext,
  ) {
    const moment = past.moment();
    return moment === undefined
      ? this.queries.execute(new GetUserQuery(context.user, id))
      : this.queries.execute(new GetPastUserQuery(context.user, id, moment));
  }
}
