import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@ib/domain';
import { ReadYourWrites } from '../../../infrastructure/consistency/read-your-writes';
import {
  type ViewCondition,
  type ViewPage,
  type ViewStore,
  ViewStores,
} from '../../../infrastructure/read-model/view-store';
import { type UserView } from './users.projection';
import { UserRow } from './users.table';

export { type UserView } from './users.projection';

/** By username; `where` narrows them (see usersSeenBy in the policy for who sees whom). */
export const listUsers = (
  store: ViewStore<UserView>,
  query: Readonly<{ where?: readonly ViewCondition[]; offset?: number; limit?: number }> = {},
): Promise<ViewPage<UserView>> => {
  const { where, offset, limit } = query;
  return store.list({ where, orderBy: [{ field: 'username' }], offset, limit });
};

/** Owners who can still log in: a disabled owner runs nothing, so is no owner to count on. */
export const countOwners = (store: ViewStore<UserView>): Promise<number> =>
  store.count([
    { field: 'owner', equals: true },
    { field: 'disabled', equals: false },
  ]);

@Injectable()
export class UserViews {
  private readonly store: ViewStore<UserView>;

  constructor(
    stores: ViewStores,
    private readonly consistency: ReadYourWrites,
  ) {
    this.store = stores.of<UserView>(UserRow);
  }

  async get(id: string): Promise<UserView> {
    const view = await this.store.get(id);
    if (!view) throw new NotFoundError('USER.NOT_FOUND', `User ${id} does not exist`);
    return view;
  }

  async afterWrite(id: string, position: number): Promise<UserView> {
    await this.consistency.after(position);
    return this.get(id);
  }

  list(query: Parameters<typeof listUsers>[1]): Promise<ViewPage<UserView>> {
    return listUsers(this.store, query);
  }
}
