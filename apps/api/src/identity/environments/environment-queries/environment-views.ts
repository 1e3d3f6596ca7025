import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@ib/domain';
import { ReadYourWrites } from '../../../infrastructure/consistency/read-your-writes';
import {
  type ViewCondition,
  type ViewPage,
  type ViewStore,
  ViewStores,
} from '../../../infrastructure/read-model/view-store';
import { type EnvironmentView } from './environments.projection';
import { EnvironmentRow } from './environments.table';

export { type EnvironmentView } from './environments.projection';

/** By name; `names` narrows to those environments (absent means all of them, empty means none). */
export const listEnvironments = (
  store: ViewStore<EnvironmentView>,
  query: Readonly<{ names?: readonly string[]; offset?: number; limit?: number }> = {},
): Promise<ViewPage<EnvironmentView>> => {
  const { names, offset, limit } = query;
  const where: ViewCondition[] = names === undefined ? [] : [{ field: 'name', in: names }];
  return store.list({ where, orderBy: [{ field: 'name' }], offset, limit });
};

/** The first development environment by name other than `name`, if there is one. */
export const otherDevelopmentEnvironment = async (
  store: ViewStore<EnvironmentView>,
  name: string,
): Promise<EnvironmentView | undefined> =>
  (
    await store.list({ where: [{ field: 'kind', equals: 'development' }], orderBy: [{ field: 'name' }] })
  ).items.find((environment) => environment.name !== name);

@Injectable()
export class EnvironmentViews {
  private readonly store: ViewStore<EnvironmentView>;

  constructor(
    stores: ViewStores,
    private readonly consistency: ReadYourWrites,
  ) {
    this.store = stores.of<EnvironmentView>(EnvironmentRow);
  }

  /** The stored view, if the views have projected it yet: for other use cases that hold a name. */
  find(name: string): Promise<EnvironmentView | undefined> {
    return this.store.get(name);
  }

  async get(name: string): Promise<EnvironmentView> {
    const view = await this.store.get(name);
    if (!view) throw new NotFoundError('ENVIRONMENT.NOT_FOUND', `Environment '${name}' does not exist`);
    return view;
  }

  async afterWrite(name: string, position: number): Promise<EnvironmentView> {
    await this.consistency.after(position);
    return this.get(name);
  }

  list(query: Parameters<typeof listEnvironments>[1]): Promise<ViewPage<EnvironmentView>> {
    return listEnvironments(this.store, query);
  }

  otherDevelopment(name: string): Promise<EnvironmentView | undefined> {
    return otherDevelopmentEnvironment(this.store, name);
  }
}
