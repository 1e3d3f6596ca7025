import { userStreamId, type UserEvent, type UserRegistered } from '@ib/domain';
import {
  eventRecorder,
  ProjectionSpecification,
} from '../../../infrastructure/read-model/testing/projection-specification';
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
  owner: false,
  disabled: false,
  mustChangePassword: false,
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

  it('shows a user disabled, then enabled again', () => {
    const [wasRegistered, disabled, enabled] = history(
      registered(),
      { type: 'UserDisabled', data: { userId, disabledBy: 'root', disabledAt: changedAt } },
      { type: 'UserEnabled', data: { userId, enabledBy: 'root', enabledAt: changedAt } },
    );
    given([wasRegistered])
      .when(disabled)
      .then({ [userId]: { ...alice, disabled: true, updatedAt: changedAt, version: 1 } });
    given([wasRegistered, disabled])
      .when(enabled)
      .then({ [userId]: { ...alice, updatedAt: changedAt, version: 2 } });
  });

  it('shows a reset password as one to change until the user changes it, and nothing of either', () => {
    const [wasRegistered, reset, changed] = history(
      registered(),
      { type: 'UserPasswordReset', data: { userId, resetBy: 'root', resetAt: changedAt } },
      { type: 'UserPasswordChanged', data: { userId, changedBy: userId, changedAt } },
    );
    given([wasRegistered])
      .when(reset)
      .then({ [userId]: { ...alice, mustChangePassword: true, updatedAt: changedAt, version: 1 } });
    given([wasRegistered, reset])
      .when(changed)
      .then({ [userId]: { ...alice, updatedAt: changedAt, version: 2 } });
  });

  it('shows the owner role granted and withdrawn', () => {
    const roles = alice.roles;
    const [wasRegistered, granted, withdrawn] = history(
      registered(),
      { type: 'UserRolesChanged', data: { userId, roles, owner: true, changedBy: 'root', changedAt } },
      { type: 'UserRolesChanged', data: { userId, roles, owner: false, changedBy: 'root', changedAt } },
    );
    given([wasRegistered])
      .when(granted)
      .then({ [userId]: { ...alice, owner: true, updatedAt: changedAt, version: 1 } });
    given([wasRegistered, granted])
      .when(withdrawn)
      .then({ [userId]: { ...alice, owner: false, updatedAt: changedAt, version: 2 } });
  });

  it('reads the user the system registered before the owner role existed as the owner', () => {
    const [wasRegistered] = history(registered({ createdBy: 'system' }));
    given([])
      .when(wasRegistered)
      .then({ [userId]: { ...alice, createdBy: 'system', owner: true } });
  });

  it('moves the version on a logout, and nothing else', () => {
    const [wasRegistered, loggedOut] = history(registered(), {
      type: 'UserLoggedOut',
      data: { userId, loggedOutAt: changedAt },
    });
    given([wasRegistered])
      .when(loggedOut)
      .then({ [userId]: { ...alice, version: 1 } });
  });

  it('shows the address the user registered with, and its changes until it is cleared', () => {
    const [wasRegistered, changed, cleared] = history(
      registered({ email: 'alice@corp.example' }),
      { type: 'UserEmailChanged', data: { userId, email: 'a@new.example', changedBy: userId, changedAt } },
      { type: 'UserEmailChanged', data: { userId, changedBy: 'root', changedAt } },
    );
    given([])
      .when(wasRegistered)
      .then({ [userId]: { ...alice, email: 'alice@corp.example' } });
    given([wasRegistered])
      .when(changed)
      .then({ [userId]: { ...alice, email: 'a@new.example', updatedAt: changedAt, version: 1 } });
    given([wasRegistered, changed])
      .when(cleared)
      .then({ [userId]: { ...alice, updatedAt: changedAt, version: 2 } });
  });

  it('shows the kinds the user chose to get by email; none chosen, none shown', () => {
    const [wasRegistered, chosen] = history(registered(), {
      type: 'UserNotificationSettingsChanged',
      data: { userId, emailKinds: ['request-approved'], changedBy: userId, changedAt },
    });
    given([])
      .when(wasRegistered)
      .then({ [userId]: alice });
    given([wasRegistered])
      .when(chosen)
      .then({ [userId]: { ...alice, emailKinds: ['request-approved'], updatedAt: changedAt, version: 1 } });
  });
});
