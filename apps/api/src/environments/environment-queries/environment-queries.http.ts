import { Controller, Get, Param } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReadModel } from '../../infrastructure/read-model/read-model';
import { EnvironmentViews } from './environment-views';

type EnvironmentView = NonNullable<Awaited<ReturnType<ReadModel['getEnvironment']>>>;

export class ListEnvironmentsQuery extends Query<{ items: EnvironmentView[]; total: number }> {}

@QueryHandler(ListEnvironmentsQuery)
export class ListEnvironmentsHandler implements IQueryHandler<ListEnvironmentsQuery> {
  constructor(private readonly readModel: ReadModel) {}
  async execute() {
    const items = await this.readModel.listEnvironments();
    return { items, total: items.length };
  }
}

export class GetEnvironmentQuery extends Query<EnvironmentView> {
  constructor(readonly name: string) {
    super();
  }
}

@QueryHandler(GetEnvironmentQuery)
export class GetEnvironmentHandler implements IQueryHandler<GetEnvironmentQuery> {
  constructor(private readonly views: EnvironmentViews) {}
  execute({ name }: GetEnvironmentQuery) {
    return this.views.get(name);
  }
}

@ApiTags('environments')
@ApiBearerAuth()
@Controller('api/environments')
export class EnvironmentQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  list() {
    return this.queries.execute(new ListEnvironmentsQuery());
  }

  @Get(':name')
  get(@Param('name') name: string) {
    return this.queries.execute(new GetEnvironmentQuery(name));
  }
}
