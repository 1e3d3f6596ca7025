import { Injectable } from '@nestjs/common';
import { UserRow, type UserView } from '../../identity';
import { type ViewStore, ViewStores } from '../../infrastructure/read-model/view-store';
import { type Recipient, type RecipientDirectory } from './recipient-directory.port';

/** A user without an address is told in the console only; without chosen kinds, gets the defaults. */
const recipientOf = ({ id, username, email, emailKinds }: UserView): Recipient => ({
  id,
  username,
  ...(email === undefined ? {} : { email }),
  ...(emailKinds === undefined ? {} : { emailKinds }),
});

/** RecipientDirectory on the users view. */
@Injectable()
export class UsersRecipientDirectory implements RecipientDirectory {
  private readonly users: ViewStore<UserView>;

  constructor(stores: ViewStores) {
    this.users = stores.of<UserView>(UserRow);
  }

  async adminsOf(environment: string): Promise<Recipient[]> {
    const { items } = await this.users.list({
      where: [{ field: 'roles', hasElementWhere: { property: 'environment', in: [environment] } }],
      orderBy: [{ field: 'username' }],
    });
    return items
      .filter(({ roles }) =>
        roles.some((grant) => grant.environment === environment && grant.role === 'admin'),
      )
      .map(recipientOf);
  }

  async find(ids: readonly string[]): Promise<ReadonlyMap<string, Recipient>> {
    if (ids.length === 0) return new Map();
    const { items } = await this.users.list({ where: [{ field: 'id', in: [...new Set(ids)] }] });
    return new Map(items.map((user) => [user.id, recipientOf(user)]));
  }
}
