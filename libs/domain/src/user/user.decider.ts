import { type Decider, assertNever } from '../shared/decider';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import { ignoreUnknownEvent } from '../shared/ignore-unknown-event';
import { type FieldCheck, fieldErrors, textProblem, throwIfInvalid, trimmed } from '../shared/validation';
import { emailProblem, normalizedEmail } from './email-address';
import { DEFAULT_EMAIL_KINDS, NOTIFICATION_KINDS, type NotificationKind } from './notification-kinds';
import {
  type ChangeNotificationSettings,
  type ChangeUser,
  type ChangeUserEmail,
  type ChangeUserRoles,
  type DisableUser,
  type EnableUser,
  type LogOutUser,
  type RecordPasswordChange,
  type RegisterUser,
  type ResetUserPassword,
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
   * withdrawn, a new or reset password, a logout, being disabled): a token names the count it was issued at.
   */
  sessionVersion: number;
  /** A disabled user cannot log in. */
  disabled: boolean;
  /** The password is a one-time one an administrator set: a login with it may only change it. */
  mustChangePassword: boolean;
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

/** Nobody disables themselves: they would lock themselves out with nobody asked. */
const disableUser = ({ data, metadata }: DisableUser, state: User): UserEvent[] => {
  const user = registered(state, data.userId);
  if (metadata.actorId === data.userId)
    throw new IllegalStateError('USER.CANNOT_DISABLE_SELF', 'You cannot disable yourself');
  if (user.disabled) return [];
  return [
    {
      type: 'UserDisabled',
      data: { userId: data.userId, disabledBy: metadata.actorId, disabledAt: metadata.now.toISOString() },
    },
  ];
};

const enableUser = ({ data, metadata }: EnableUser, state: User): UserEvent[] => {
  const user = registered(state, data.userId);
  if (!user.disabled) return [];
  return [
    {
      type: 'UserEnabled',
      data: { userId: data.userId, enabledBy: metadata.actorId, enabledAt: metadata.now.toISOString() },
    },
  ];
};

/**
 * One's own password is changed with the current one: a reset needs none, so resetting one's own would
 * let whoever holds a session take the account over.
 */
const resetPassword = ({ data, metadata }: ResetUserPassword, state: User): UserEvent[] => {
  registered(state, data.userId);
  if (metadata.actorId === data.userId)
    throw new IllegalStateError(
      'USER.CANNOT_RESET_OWN_PASSWORD',
      'Change your own password with your current one instead',
    );
  return [
    {
      type: 'UserPasswordReset',
      data: { userId: data.userId, resetBy: metadata.actorId, resetAt: metadata.now.toISOString() },
    },
  ];
};

/** Each named part decided on the state the parts before it left, so together they are one change. */
const changeUser = ({ data, metadata }: ChangeUser, state: User): UserEvent[] => {
  const user = registered(state, data.userId);
  const { userId } = data;
  const parts: UserCommand[] = [];
  if (data.roles !== undefined || data.owner !== undefined)
    parts.push({
      type: 'ChangeUserRoles',
      data: {
        userId,
        roles: data.roles ?? user.roles,
        ...(data.owner === undefined ? {} : { owner: data.owner }),
      },
      metadata,
    });
  if (data.email !== undefined)
    parts.push({
      type: 'ChangeUserEmail',
      data: { userId, ...(data.email === null ? {} : { email: data.email }) },
      metadata,
    });
  if (data.disabled !== undefined)
    parts.push({ type: data.disabled ? 'DisableUser' : 'EnableUser', data: { userId }, metadata });
  if (parts.length === 0)
    throw new ValidationError('USER.INVALID', 'Name at least one of roles, owner, email or disabled');
  const events: UserEvent[] = [];
  let current: User = user;
  for (const part of parts) {
    const decided = decide(part, current);
    events.push(...decided);
    current = decided.reduce(evolve, current);
  }
  return events;
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
    case 'DisableUser':
      return disableUser(command, state);
    case 'EnableUser':
      return enableUser(command, state);
    case 'ResetUserPassword':
      return resetPassword(command, state);
    case 'ChangeUser':
      return changeUser(command, state);
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
      disabled: false,
      mustChangePassword: false,
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
        mustChangePassword: false,
        sessionVersion: state.sessionVersion + 1,
      };
    case 'UserPasswordReset':
      return {
        ...state,
        passwordChangedAt: event.data.resetAt,
        mustChangePassword: true,
        sessionVersion: state.sessionVersion + 1,
      };
    case 'UserDisabled':
      return { ...state, disabled: true, sessionVersion: state.sessionVersion + 1 };
    case 'UserEnabled':
      return { ...state, disabled: false };
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
