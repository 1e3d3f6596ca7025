import { userStreamId, type UserEvent, type UserRegistered } from '@ib/domain';
import { eventRecorder, ProjectionSpecification } from './projection-specification';
import { usersProjection, type UserView } from './users.projection';

const userId = 'user-1';
const createdAt = '2025-03-04T05:06:07.000Z';
const changedAt = '2025-03-06T10:00:00.000Z';

const registered = (data: Partial<UserRegistered['data']> = {}): UserEvent => ({
  type: 'UserRegistered',
  data: {
    userId,
    username: 'Alice',
    roles: [{ environment: 'dev', role: 'developer' }],
    createdBy: 'root',
    createdAt,
    ...data,
  },
});

const alice: UserView = {
  id: userId,
  username: 'Alice',
  roles: [{ environment: 'dev', role: 'developer' }],
  createdBy: 'root',
  createdAt,
  updatedAt: createdAt,
  version: 0,
};

const history = (...events: UserEvent[]) => {
  const record = eventRecorder();
  return events.map((event) => record(userStreamId('Alice'), event));
};
const given = ProjectionSpecification.for(usersProjection);

describe('users projection', () => {
  it('shows a registered user with the display name and roles', () => {
    const [wasRegistered] = history(registered({ displayName: 'Alice Liddell' }));
    given([])
      .when(wasRegistered)
      .then({ [userId]: { ...alice, displayName: 'Alice Liddell' } });
  });

  it('replaces the roles when they change', () => {
    const roles = [
      { environment: 'dev', role: 'admin' },
      { environment: 'qa', role: 'developer' },
    ] as const;
    const [wasRegistered, rolesChanged] = history(registered(), {
      type: 'UserRolesChanged',
      data: { userId, roles, changedBy: 'root', changedAt },
    });
    given([wasRegistered])
      .when(rolesChanged)
      .then({ [userId]: { ...alice, roles, updatedAt: changedAt, version: 1 } });
  });

  it('notes a password change as a change, and nothing of the password', () => {
    const [wasRegistered, passwordChanged] = history(registered(), {
      type: 'UserPasswordChanged',
      data: { userId, changedBy: userId, changedAt },
    });
    given([wasRegistered])
      .when(passwordChanged)
      .then({ [userId]: { ...alice, updatedAt: changedAt, version: 1 } });
  });
});
