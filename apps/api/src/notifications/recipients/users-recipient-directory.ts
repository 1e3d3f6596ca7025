import { Injectable } from '@nestjs/common';
import { type NotificationKind } from '@ib/domain';
import { UserRow, type UserView } from '../../identity';
import { type ViewStore, ViewStores } from '../../infrastructure/read-model/view-store';
import { type Recipient, type RecipientDirectory } from './recipient-directory.port';

/**
 * A user's email settings, read where the users view has them: a view without them (or a user
 * without an address) leaves them out, and such a user is told in the console only.
 */
type UserWithMail = UserView &
  Readonly<{ email?: string | null; emailKinds?: readonly NotificationKind[] | null }>;

const recipientOf = ({ id, username, email, emailKinds }: UserWithMail): Recipient => ({
  id,
  username,
  ...(typeof email === 'string' && email !== '' ? { email } : {}),
  ...(Array.isArray(emailKinds) ? { emailKinds } : {}),
});

/** RecipientDirectory on the users view. */
@Injectable()
export class UsersRecipientDirectory implements RecipientDirectory {
  private readonly users: ViewStore<UserWithMail>;

  constructor(stores: ViewStores) {
    this.users = stores.of<UserWithMail>(UserRow);
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
