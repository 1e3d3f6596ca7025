import { type Decider, assertNever } from '../shared/decider';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { ignoreUnknownEvent } from '../shared/ignore-unknown-event';
import { type FieldCheck, fieldErrors, throwIfInvalid, trimmed } from '../shared/validation';
import {
  type ChangeUserRoles,
  type RecordPasswordChange,
  type RegisterUser,
  type UserCommand,
} from './user.commands';
import { ROLES, type Role, type RoleGrant, type UserEvent } from './user.events';

const USERNAME = /^[A-Za-z0-9._@-]{3,64}$/;

export type RegisteredUser = Readonly<{
  status: 'registered';
  userId: string;
  username: string;
  displayName?: string;
  roles: readonly RoleGrant[];
  createdBy: string;
  createdAt: string;
  passwordChangedAt?: string;
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

const sameRoles = (a: readonly RoleGrant[], b: readonly RoleGrant[]): boolean => {
  const has = (grants: readonly RoleGrant[], { environment, role }: RoleGrant) =>
    grants.some((grant) => grant.environment === environment && grant.role === role);
  return a.every((grant) => has(b, grant)) && b.every((grant) => has(a, grant));
};

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
      ...roleChecks(data.roles),
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
        createdBy: metadata.actorId,
        createdAt: metadata.now.toISOString(),
      },
    },
  ];
};

const changeRoles = ({ data, metadata }: ChangeUserRoles, state: User): UserEvent[] => {
  const user = registered(state, data.userId);
  throwIfInvalid('USER.INVALID', 'The roles are invalid', fieldErrors(...roleChecks(data.roles)));
  if (sameRoles(user.roles, data.roles)) return [];
  return [
    {
      type: 'UserRolesChanged',
      data: {
        userId: data.userId,
        roles: data.roles,
        changedBy: metadata.actorId,
        changedAt: metadata.now.toISOString(),
      },
    },
  ];
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

const decide = (command: UserCommand, state: User): UserEvent[] => {
  switch (command.type) {
    case 'RegisterUser':
      return registerUser(command, state);
    case 'ChangeUserRoles':
      return changeRoles(command, state);
    case 'RecordPasswordChange':
      return recordPasswordChange(command, state);
    default:
      return assertNever(command);
  }
};

const evolve = (state: User, event: UserEvent): User => {
  if (event.type === 'UserRegistered') return { status: 'registered', ...event.data };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'UserRolesChanged':
      return { ...state, roles: event.data.roles };
    case 'UserPasswordChanged':
      return { ...state, passwordChangedAt: event.data.changedAt };
    default:
      return ignoreUnknownEvent(event, state);
  }
};

export const userDecider: Decider<User, UserCommand, UserEvent> = { initialState, evolve, decide };
