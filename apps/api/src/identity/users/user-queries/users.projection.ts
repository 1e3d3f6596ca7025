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
      return { ...view, updatedAt: recorded.data.changedAt, version };
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
