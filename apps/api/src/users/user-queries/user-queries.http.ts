import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isAdminAnywhere, isAdminIn, type AuthenticatedUser } from '../../auth/authenticated-user';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { HttpProblem } from '../../infrastructure/http/http-problem';
import { ReadModel } from '../../infrastructure/read-model/read-model';
import { UserViews } from './user-views';

type UserView = NonNullable<Awaited<ReturnType<ReadModel['getUser']>>>;

export class ListUsersQuery extends Query<{ items: UserView[]; total: number }> {
  constructor(readonly user: AuthenticatedUser) {
    super();
  }
}

/** Administrators see the users holding a role in an environment they administer. */
@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(private readonly readModel: ReadModel) {}
  async execute({ user }: ListUsersQuery) {
    if (!isAdminAnywhere(user))
      throw HttpProblem.forbidden('Only administrators list users', 'AUTH.ADMIN_REQUIRED');
    const all = await this.readModel.listUsers();
    const items = all.filter((view) => view.roles.some((grant) => isAdminIn(user, grant.environment)));
    return { items, total: items.length };
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
  async execute({ user, id }: GetUserQuery) {
    if (user.id !== id && !isAdminAnywhere(user))
      throw HttpProblem.forbidden('Only administrators read other users', 'AUTH.ADMIN_REQUIRED');
    return this.views.get(id);
  }
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UserQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Users (administrators)' })
  list(@Ctx() context: RequestContext) {
    return this.queries.execute(new ListUsersQuery(context.user));
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.queries.execute(new GetUserQuery(context.user, id));
  }
}
