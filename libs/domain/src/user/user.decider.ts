import { type Decider, assertNever } from '../shared/decider';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { ignoreUnknownEvent } from '../shared/ignore-unknown-event';
import { type FieldCheck, fieldErrors, textProblem, throwIfInvalid, trimmed } from '../shared/validation';
import { emailProblem, normalizedEmail } from './email-address';
import { DEFAULT_EMAIL_KINDS, NOTIFICATION_KINDS, type NotificationKind } from './notification-kinds';
import {
  type ChangeNotificationSettings,
  type ChangeUserEmail,
  type ChangeUserRoles,
  type LogOutUser,
  type RecordPasswordChange,
  type RegisterUser,
  type UserCommand,
} from './user.commands';
import { ROLES, SYSTEM_ACTOR_ID, type Role, type RoleGrant, type UserEvent } from './user.events';

const USERNAME = /^[A-Za-z0-9._@-]{3,64}$/;

export type RegisteredUser = Readonly<{
  status: 'registered';
  userId: string;
  username: string;
  displayName?: string;
  roles: readonly RoleGrant[];
  /** The installation role: creates environments and runs the installation's operations. */
  owner: boolean;
  createdBy: string;
  createdAt: string;
  passwordChangedAt?: string;
  /** Where notifications go by mail; none: in-app only. */
  email?: string;
  /** The kinds that also go by email; absent: DEFAULT_EMAIL_KINDS. */
  emailKinds?: readonly NotificationKind[];
  /**
   * Counts the changes that end every session opened before them (a grant or the owner role
   * withdrawn, a new password, a logout): a token names the count it was issued at.
   */
  sessionVersion: number;
}>;
export type User = Readonly<{ status: 'none' }> | RegisteredUser;

const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** A user without a role could log in to nothing, so every user holds at least one grant. */
const roleChecks = (roles: readonly RoleGrant[]): FieldCheck[] => {
  if (!Array.isArray(roles) || roles.length === 0) return [['roles', 'must hold at least one role grant']];
  return roles.flatMap((grant, index): FieldCheck[] => [
    [`roles[${index}].role`, isRole(grant.role) ? undefined : `must be one of ${ROLES.join(', ')}`],
    [`roles[${index}].environment`, trimmed(grant.environment) === '' ? 'is required' : undefined],
  ]);
};

const has = (grants: readonly RoleGrant[], { environment, role }: RoleGrant) =>
  grants.some((grant) => grant.environment === environment && grant.role === role);

const sameRoles = (a: readonly RoleGrant[], b: readonly RoleGrant[]): boolean =>
  a.every((grant) => has(b, grant)) && b.every((grant) => has(a, grant));

/** Adding rights keeps sessions open (the new grants apply at once); withdrawing any ends them. */
export const withdrawsRights = (
  user: Pick<RegisteredUser, 'roles' | 'owner'>,
  roles: readonly RoleGrant[],
  owner: boolean,
): boolean => user.roles.some((grant) => !has(roles, grant)) || (user.owner && !owner);

/** The kinds that go to the user by email, their own choice or the defaults. */
export const effectiveEmailKinds = (user: Pick<RegisteredUser, 'emailKinds'>): readonly NotificationKind[] =>
  user.emailKinds ?? DEFAULT_EMAIL_KINDS;

const isNotificationKind = (value: unknown): value is NotificationKind =>
  typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);

/** An absent address is no address; a present one must be one we can send to. */
const emailCheck = (email: unknown): FieldCheck => [
  'email',
  email === undefined ? undefined : emailProblem(email),
];

const registered = (state: User, userId: string): RegisteredUser => {
  if (state.status === 'none') throw new NotFoundError('USER.NOT_FOUND', `User ${userId} does not exist`);
  return state;
};

const initialState = (): User => ({ status: 'none' });

const registerUser = ({ data, metadata }: RegisterUser, state: User): UserEvent[] => {
  if (state.status !== 'none')
    throw new IllegalStateError('USER.ALREADY_EXISTS', `User ${data.username} already exists`);
  throwIfInvalid(
    'USER.INVALID',
    'The user is invalid',
    fieldErrors(
      [
        'username',
        typeof data.username === 'string' && USERNAME.test(data.username)
          ? undefined
          : 'must be 3 to 64 letters, digits or . _ @ -',
      ],
      ['displayName', typeof data.displayName === 'string' ? textProblem(data.displayName) : undefined],
      ...roleChecks(data.roles),
      ownerCheck(data.owner),
      emailCheck(data.email),
    ),
  );
  return [
    {
      type: 'UserRegistered',
      data: {
        userId: data.userId,
        username: data.username,
        displayName: data.displayName,
        roles: data.roles,
        owner: data.owner === true,
        ...(data.email === undefined ? {} : { email: normalizedEmail(data.email) }),
        createdBy: metadata.actorId,
        createdAt: metadata.now.toISOString(),
      },
    },
  ];
};

const ownerCheck = (owner: unknown): FieldCheck => [
  'owner',
  owner === undefined || typeof owner === 'boolean' ? undefined : 'must be true or false',
];

const changeRoles = ({ data, metadata }: ChangeUserRoles, state: User): UserEvent[] => {
  const user = registered(state, data.userId);
  throwIfInvalid(
    'USER.INVALID',
    'The roles are invalid',
    fieldErrors(...roleChecks(data.roles), ownerCheck(data.owner)),
  );
  const ownerChanges = data.owner !== undefined && data.owner !== user.owner;
  if (sameRoles(user.roles, data.roles) && !ownerChanges) return [];
  return [
    {
      type: 'UserRolesChanged',
      data: {
        userId: data.userId,
        roles: data.roles,
        ...(ownerChanges ? { owner: data.owner } : {}),
        changedBy: metadata.actorId,
        changedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const logOut = ({ data, metadata }: LogOutUser, state: User): UserEvent[] => {
  registered(state, data.userId);
  return [{ type: 'UserLoggedOut', data: { userId: data.userId, loggedOutAt: metadata.now.toISOString() } }];
};

const recordPasswordChange = ({ data, metadata }: RecordPasswordChange, state: User): UserEvent[] => {
  registered(state, data.userId);
  return [
    {
      type: 'UserPasswordChanged',
      data: { userId: data.userId, changedBy: metadata.actorId, changedAt: metadata.now.toISOString() },
    },
  ];
};

const changeEmail = ({ data, metadata }: ChangeUserEmail, state: User): UserEvent[] => {
  const user = registered(state, data.userId);
  throwIfInvalid('USER.INVALID', 'The e-mail address is invalid', fieldErrors(emailCheck(data.email)));
  const email = data.email === undefined ? undefined : normalizedEmail(data.email);
  if (email === user.email) return [];
  return [
    {
      type: 'UserEmailChanged',
      data: {
        userId: data.userId,
        ...(email === undefined ? {} : { email }),
        changedBy: metadata.actorId,
        changedAt: metadata.now.toISOString(),
      },
    },
  ];
};

/**
 * Kinds are kept in NOTIFICATION_KINDS order, each once, so one choice has one shape. A choice equal to
 * what the user gets already (their own or the defaults) changes nothing: a user who never narrowed the
 * defaults keeps getting the kinds added later.
 */
const changeNotificationSettings = (
  { data, metadata }: ChangeNotificationSettings,
  state: User,
): UserEvent[] => {
  const user = registered(state, data.userId);
  const chosen: unknown = data.emailKinds;
  throwIfInvalid(
    'USER.INVALID',
    'The notification settings are invalid',
    Array.isArray(chosen)
      ? fieldErrors(
          ...chosen.map((kind: unknown, index): FieldCheck => [
            `emailKinds[${index}]`,
            isNotificationKind(kind) ? undefined : `must be one of ${NOTIFICATION_KINDS.join(', ')}`,
          ]),
        )
      : fieldErrors(['emailKinds', 'must be a list of notification kinds']),
  );
  const emailKinds = NOTIFICATION_KINDS.filter((kind) => data.emailKinds.includes(kind));
  const current = effectiveEmailKinds(user);
  if (emailKinds.length === current.length && emailKinds.every((kind) => current.includes(kind))) return [];
  return [
    {
      type: 'UserNotificationSettingsChanged',
      data: {
        userId: data.userId,
        emailKinds,
        changedBy: metadata.actorId,
        changedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const decide = (command: UserCommand, state: User): UserEvent[] => {
  switch (command.type) {
    case 'RegisterUser':
      return registerUser(command, state);
    case 'ChangeUserRoles':
      return changeRoles(command, state);
    case 'RecordPasswordChange':
      return recordPasswordChange(command, state);
    case 'LogOutUser':
      return logOut(command, state);
    case 'ChangeUserEmail':
      return changeEmail(command, state);
    case 'ChangeNotificationSettings':
      return changeNotificationSettings(command, state);
    default:
      return assertNever(command);
  }
};

const evolve = (state: User, event: UserEvent): User => {
  if (event.type === 'UserRegistered')
    return {
      status: 'registered',
      ...event.data,
      owner: event.data.owner ?? event.data.createdBy === SYSTEM_ACTOR_ID,
      sessionVersion: 0,
    };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'UserRolesChanged': {
      const owner = event.data.owner ?? state.owner;
      const ended = withdrawsRights(state, event.data.roles, owner);
      return {
        ...state,
        roles: event.data.roles,
        owner,
        sessionVersion: state.sessionVersion + (ended ? 1 : 0),
      };
    }
    case 'UserPasswordChanged':
      return {
        ...state,
        passwordChangedAt: event.data.changedAt,
        sessionVersion: state.sessionVersion + 1,
      };
    case 'UserLoggedOut':
      return { ...state, sessionVersion: state.sessionVersion + 1 };
    case 'UserEmailChanged': {
      const { email: _previous, ...rest } = state;
      return event.data.email === undefined ? rest : { ...rest, email: event.data.email };
    }
    case 'UserNotificationSettingsChanged':
      return { ...state, emailKinds: event.data.emailKinds };
    default:
      return ignoreUnknownEvent(event, state);
  }
};

export const userDecider: Decider<User, UserCommand, UserEvent> = { initialState, evolve, decide };
