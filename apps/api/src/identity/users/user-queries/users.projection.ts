import {
  assertNever,
  type NotificationKind,
  type RecordedEvent,
  type RoleGrant,
  SYSTEM_ACTOR_ID,
  USER_EVENT_TYPES,
  type UserEvent,
} from '@ib/domain';
import {
  isOneOf,
  type Projection,
  type RecordedOf,
  withoutUndefined,
} from '../../../infrastructure/read-model/projection';

/** Password hashes live in the credential store; the view only says who the user is and may do. */
export type UserView = Readonly<{
  id: string;
  username: string;
  displayName?: string;
  roles: readonly RoleGrant[];
  /** The installation role (creates environments, runs operations). */
  owner: boolean;
  /** Where notifications go by mail; absent: the user has no address. */
  email?: string;
  /** The kinds that also go by email; absent: the user never chose, DEFAULT_EMAIL_KINDS apply. */
  emailKinds?: readonly NotificationKind[];
  /** A disabled user cannot log in. */
  disabled: boolean;
  /** An administrator set a one-time password that the user has not changed yet. */
  mustChangePassword: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}>;

const isUserEvent = isOneOf<UserEvent>(USER_EVENT_TYPES);

const evolve = (view: UserView | undefined, recorded: RecordedEvent): UserView | undefined => {
  if (!isUserEvent(recorded)) return view;
  const version = recorded.streamVersion;
  if (recorded.type === 'UserRegistered') {
    const { userId, username, displayName, roles, owner, email, createdBy, createdAt } = recorded.data;
    return withoutUndefined<UserView>({
      id: userId,
      username,
      displayName,
      roles,
      // Registered before the owner role existed: the bootstrap administrator is the owner.
      owner: owner ?? createdBy === SYSTEM_ACTOR_ID,
      email,
      disabled: false,
      mustChangePassword: false,
      createdBy,
      createdAt,
      updatedAt: createdAt,
      version,
    });
  }
  if (view === undefined) return undefined;
  switch (recorded.type) {
    case 'UserRolesChanged':
      return {
        ...view,
        roles: recorded.data.roles,
        owner: recorded.data.owner ?? view.owner,
        updatedAt: recorded.data.changedAt,
        version,
      };
    case 'UserPasswordChanged':
      return { ...view, mustChangePassword: false, updatedAt: recorded.data.changedAt, version };
    case 'UserPasswordReset':
      return { ...view, mustChangePassword: true, updatedAt: recorded.data.resetAt, version };
    case 'UserDisabled':
      return { ...view, disabled: true, updatedAt: recorded.data.disabledAt, version };
    case 'UserEnabled':
      return { ...view, disabled: false, updatedAt: recorded.data.enabledAt, version };
    case 'UserLoggedOut':
      return { ...view, version };
    case 'UserEmailChanged':
      return withoutUndefined<UserView>({
        ...view,
        email: recorded.data.email,
        updatedAt: recorded.data.changedAt,
        version,
      });
    case 'UserNotificationSettingsChanged':
      return { ...view, emailKinds: recorded.data.emailKinds, updatedAt: recorded.data.changedAt, version };
    default:
      return assertNever(recorded);
  }
};

export const usersProjection: Projection<UserView> = {
  name: 'users',
  handles: USER_EVENT_TYPES,
  idOf: (event) => (event as RecordedOf<UserEvent>).data.userId,
  evolve,
};
