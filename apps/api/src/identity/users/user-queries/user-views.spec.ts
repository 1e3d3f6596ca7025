import { type RoleGrant, type UserEvent, userStreamId } from '@ib/domain';
import { viewDatabase } from '../../../infrastructure/read-model/testing/view-database';
import { type ViewStore } from '../../../infrastructure/read-model/view-store';
import { type AuthenticatedUser } from '../../auth/authenticated-user';
import { maySeeUser, usersSeenBy } from '../../auth/policy';
import { IDENTITY_VIEWS } from '../../identity-views.list';
import { countOwners, listUsers } from './user-views';
import { type UserView } from './users.projection';
import { UserRow } from './users.table';

const registered = (userId: string, username: string, roles: RoleGrant[], owner = false): UserEvent => ({
  type: 'UserRegistered',
  data: { userId, username, roles, owner, createdBy: 'root', createdAt: '2025-03-01T00:00:00.000Z' },
});
const caller = (id: string, roles: RoleGrant[], owner = false): AuthenticatedUser => ({
  id,
  username: id,
  roles,
  owner,
  environment: roles[0]?.environment ?? 'dev',
});
const ids = (page: { items: readonly { id: string }[] }) => page.items.map(({ id }) => id);

describe('user queries', () => {
  let database: Awaited<ReturnType<typeof viewDatabase>>;
  let users: ViewStore<UserView>;

  beforeAll(async () => {
    database = await viewDatabase(IDENTITY_VIEWS, [
      [userStreamId('zoe'), registered('user-z', 'zoe', [{ environment: 'dev', role: 'developer' }])],
      [userStreamId('bob'), registered('user-b', 'bob', [{ environment: 'qa', role: 'admin' }])],
      [userStreamId('root'), registered('user-r', 'root', [], true)],
    ]);
    users = database.stores.of<UserView>(UserRow);
  });
  afterAll(() => database.close());

  it('given users, when listed, then they come by username with their total, a page at a time', async () => {
    expect((await listUsers(users)).items.map(({ username }) => username)).toEqual(['bob', 'root', 'zoe']);
    expect(await listUsers(users, { offset: 1, limit: 1 })).toMatchObject({
      total: 3,
      items: [{ username: 'root' }],
    });
    expect(await users.get('user-z')).toMatchObject({ username: 'zoe', roles: [{ environment: 'dev' }] });
  });

  it('given who asks, when users are listed, then exactly those the policy lets them see come', async () => {
    const everyone = (await listUsers(users)).items;
    const askers = [
      caller('user-z', [{ environment: 'dev', role: 'developer' }]),
      caller('user-b', [{ environment: 'qa', role: 'admin' }]),
      caller('someone', [
        { environment: 'qa', role: 'admin' },
        { environment: 'dev', role: 'admin' },
      ]),
      caller('user-r', [], true),
    ];

    for (const asker of askers)
      expect(ids(await listUsers(users, { where: usersSeenBy(asker) }))).toEqual(
        everyone.filter((seen) => maySeeUser(asker, seen)).map(({ id }) => id),
      );
    expect(ids(await listUsers(users, { where: usersSeenBy(askers[0]) }))).toEqual(['user-z']);
    expect(ids(await listUsers(users, { where: usersSeenBy(askers[2]) }))).toEqual(['user-b', 'user-z']);
  });

  it('given an owner among the users, when owners are counted, then only they count', async () => {
    expect(await countOwners(users)).toBe(1);
  });
});
