import {
  assertNever,
  type RecordedEvent,
  type RoleGrant,
  SYSTEM_ACTOR_ID,
  USER_EVENT_TYPES,
  type UserEvent,
  withdrawsRights,
} from '@ib/domain';
import { isOneOf, type Projection, type RecordedOf } from '../../../infrastructure/read-model/projection';

/**
 * What a request's bearer token is checked against: who the user is now, what they may do, and which
 * session version their tokens must carry. Kept apart from the users view, which the API lists: the
 * session version is nobody's business but the authenticator's.
 */
export type UserSessionView = Readonly<{
  id: string;
  username: string;
  roles: readonly RoleGrant[];
  owner: boolean;
  /** Raised each time the user's sessions end (a withdrawn right, a new or reset password, a logout, disabling). */
  sessionVersion: number;
  /** A disabled user's tokens are refused, whatever version they name. */
  disabled: boolean;
  /** Their password is a one-time one: a session may do nothing but change it. */
  mustChangePassword: boolean;
}>;

const isUserEvent = isOneOf<UserEvent>(USER_EVENT_TYPES);

/** The session rules of the User aggregate's evolve (userDecider), on the fields kept here. */
const evolve = (view: UserSessionView | undefined, recorded: RecordedEvent): UserSessionView | undefined => {
  if (!isUserEvent(recorded)) return view;
  if (recorded.type === 'UserRegistered') {
    const { userId, username, roles, owner, createdBy } = recorded.data;
    return {
      id: userId,
      username,
      roles,
      owner: owner ?? createdBy === SYSTEM_ACTOR_ID,
      sessionVersion: 0,
      disabled: false,
      mustChangePassword: false,
    };
  }
  if (view === undefined) return undefined;
  switch (recorded.type) {
    case 'UserRolesChanged': {
      const owner = recorded.data.owner ?? view.owner;
      const ended = withdrawsRights(view, recorded.data.roles, owner);
      return {
        ...view,
        roles: recorded.data.roles,
        owner,
        sessionVersion: view.sessionVersion + (ended ? 1 : 0),
      };
    }
    case 'UserPasswordChanged':
      return { ...view, mustChangePassword: false, sessionVersion: view.sessionVersion + 1 };
    case 'UserPasswordReset':
      return { ...view, mustChangePassword: true, sessionVersion: view.sessionVersion + 1 };
    case 'UserDisabled':
      return { ...view, disabled: true, sessionVersion: view.sessionVersion + 1 };
    case 'UserEnabled':
      return { ...view, disabled: false };
    case 'UserLoggedOut':
      return { ...view, sessionVersion: view.sessionVersion + 1 };
    // An address or a choice of notifications grants and ends nothing.
    case 'UserEmailChanged':
    case 'UserNotificationSettingsChanged':
      return view;
    default:
      return assertNever(recorded);
  }
};

export const userSessionsProjection: Projection<UserSessionView> = {
  name: 'user_sessions',
  handles: USER_EVENT_TYPES,
  idOf: (event) => (event as RecordedOf<UserEvent>).data.userId,
  evolve,
};
