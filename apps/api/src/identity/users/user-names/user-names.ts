import { Injectable } from '@nestjs/common';
import { type ViewStore, ViewStores } from '../../../infrastructure/read-model/view-store';
import { type UserView } from '../user-queries/user-views';
import { UserRow } from '../user-queries/users.table';

/**
 * Usernames of user ids, for the pages that show who did something (the audit log). Read from the
 * users view as it is: a name is a label, and a user registered a moment ago only shows its id
 * until the view has it.
 */
@Injectable()
export class UserNames {
  private readonly users: ViewStore<UserView>;

  constructor(stores: ViewStores) {
    this.users = stores.of<UserView>(UserRow);
  }

  /** The usernames of those of `ids` that are users (other ids, such as `system`, are left out). */
  async of(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const { items } = await this.users.list({ where: [{ field: 'id', in: ids }] });
    return new Map(items.map((user) => [user.id, user.username]));
  }
}
