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
  /** Raised each time the user's sessions end (a withdrawn right, a new password, a logout). */
  sessionVersion: number;
}>;

const isUserEvent = isOneOf<UserEvent>(USER_EVENT_TYPES);

/** The session rules of the User aggregate's evolve (userDecider), on the fields kept here. */
const evolve = (view: UserSessionView | undefined, recorded: RecordedEvent): UserSessionView | undefined => {
  if (!isUserEvent(recorded)) return view;
  if (recorded.type === 'UserRegistered') {
    const { userId, username, roles, owner, createdBy } = recorded.data;
    return { id: userId, username, roles, owner: owner ?? createdBy === SYSTEM_ACTOR_ID, sessionVersion: 0 };
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
