import { type RoleGrant, SYSTEM_ACTOR_ID, userStreamId, type UserEvent } from '@ib/domain';
import {
  eventRecorder,
  ProjectionSpecification,
} from '../../../infrastructure/read-model/testing/projection-specification';
import { userSessionsProjection, type UserSessionView } from './user-sessions.projection';

const userId = 'user-1';
const at = '2025-03-04T05:06:07.000Z';
const developer: RoleGrant = { environment: 'dev', role: 'developer' };
const qaAdmin: RoleGrant = { environment: 'qa', role: 'admin' };

const registered = (createdBy = 'root'): UserEvent => ({
  type: 'UserRegistered',
  data: { userId, username: 'Alice', roles: [developer], createdBy, createdAt: at },
});
const rolesChanged = (roles: readonly RoleGrant[], owner?: boolean): UserEvent => ({
  type: 'UserRolesChanged',
  data: { userId, roles, changedBy: 'root', changedAt: at, ...(owner === undefined ? {} : { owner }) },
});

const alice: UserSessionView = {
  id: userId,
  username: 'Alice',
  roles: [developer],
  owner: false,
  sessionVersion: 0,
  disabled: false,
  mustChangePassword: false,
};

const history = (...events: UserEvent[]) => {
  const record = eventRecorder();
  return events.map((event) => record(userStreamId('Alice'), event));
};
const given = ProjectionSpecification.for(userSessionsProjection);

describe('user sessions projection', () => {
  it('given a user registered by the system, then they are the owner, in their first session', () => {
    const [wasRegistered] = history(registered(SYSTEM_ACTOR_ID));
    given([])
      .when(wasRegistered)
      .then({ [userId]: { ...alice, owner: true } });
  });

  it('given a user, when a role is added, then their sessions stand with the new roles', () => {
    const [wasRegistered, granted] = history(registered(), rolesChanged([developer, qaAdmin]));
    given([wasRegistered])
      .when(granted)
      .then({ [userId]: { ...alice, roles: [developer, qaAdmin] } });
  });

  it('given a user, when a role is withdrawn, then their sessions end', () => {
    const [wasRegistered, withdrawn] = history(registered(), rolesChanged([qaAdmin]));
    given([wasRegistered])
      .when(withdrawn)
      .then({ [userId]: { ...alice, roles: [qaAdmin], sessionVersion: 1 } });
  });

  it('given an owner, when the owner role is withdrawn, then their sessions end', () => {
    const [wasRegistered, withdrawn] = history(registered(SYSTEM_ACTOR_ID), rolesChanged([developer], false));
    given([wasRegistered])
      .when(withdrawn)
      .then({ [userId]: { ...alice, sessionVersion: 1 } });
  });

  it('given a user, when they change their password or log out, then each ends their sessions', () => {
    const [wasRegistered, passwordChanged, loggedOut] = history(
      registered(),
      { type: 'UserPasswordChanged', data: { userId, changedBy: userId, changedAt: at } },
      { type: 'UserLoggedOut', data: { userId, loggedOutAt: at } },
    );
    given([wasRegistered, passwordChanged])
      .when(loggedOut)
      .then({ [userId]: { ...alice, sessionVersion: 2 } });
  });

  it('given a user, when they are disabled, then their sessions end; when enabled again, none reopens', () => {
    const [wasRegistered, disabled, enabled] = history(
      registered(),
      { type: 'UserDisabled', data: { userId, disabledBy: 'root', disabledAt: at } },
      { type: 'UserEnabled', data: { userId, enabledBy: 'root', enabledAt: at } },
    );
    given([wasRegistered])
      .when(disabled)
      .then({ [userId]: { ...alice, disabled: true, sessionVersion: 1 } });
    given([wasRegistered, disabled])
      .when(enabled)
      .then({ [userId]: { ...alice, sessionVersion: 1 } });
  });

  it('given a user, when their password is reset, then their sessions end and the next may only change it, until they do', () => {
    const [wasRegistered, reset, changed] = history(
      registered(),
      { type: 'UserPasswordReset', data: { userId, resetBy: 'root', resetAt: at } },
      { type: 'UserPasswordChanged', data: { userId, changedBy: userId, changedAt: at } },
    );
    given([wasRegistered])
      .when(reset)
      .then({ [userId]: { ...alice, mustChangePassword: true, sessionVersion: 1 } });
    given([wasRegistered, reset])
      .when(changed)
      .then({ [userId]: { ...alice, sessionVersion: 2 } });
  });

  it('given a user, when their address or notification settings change, then their sessions stand as they were', () => {
    const [wasRegistered, emailChanged, settingsChanged] = history(
      registered(),
      {
        type: 'UserEmailChanged',
        data: { userId, email: 'alice@example.com', changedBy: userId, changedAt: at },
      },
      {
        type: 'UserNotificationSettingsChanged',
        data: { userId, emailKinds: [], changedBy: userId, changedAt: at },
      },
    );
    given([wasRegistered, emailChanged])
      .when(settingsChanged)
      .then({ [userId]: alice });
  });

  it('shows nothing for the events of a user it never saw registered', () => {
    const [loggedOut] = history({ type: 'UserLoggedOut', data: { userId, loggedOutAt: at } });
    given([]).when(loggedOut).then({});
  });
});
