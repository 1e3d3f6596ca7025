import { type Command } from '../shared/command';
import { type NotificationKind } from './notification-kinds';
import { type RoleGrant } from './user.events';

/** The stream is `user-<lowercased username>`, so a username is unique by construction. */
export type RegisterUser = Command<
  'RegisterUser',
  {
    userId: string;
    username: string;
    displayName?: string;
    roles: readonly RoleGrant[];
    owner?: boolean;
    email?: string;
  }
>;

/** `owner` absent: the installation role stays as it is. */
export type ChangeUserRoles = Command<
  'ChangeUserRoles',
  { userId: string; roles: readonly RoleGrant[]; owner?: boolean }
>;

export type RecordPasswordChange = Command<'RecordPasswordChange', { userId: string }>;

export type LogOutUser = Command<'LogOutUser', { userId: string }>;

/** `email` absent: the user has no address any more. */
export type ChangeUserEmail = Command<'ChangeUserEmail', { userId: string; email?: string }>;

/** Every kind that goes by email from now on; the others stay in-app only. */
export type ChangeNotificationSettings = Command<
  'ChangeNotificationSettings',
  { userId: string; emailKinds: readonly NotificationKind[] }
>;

/** The actor may not disable themselves (see the decider). */
export type DisableUser = Command<'DisableUser', { userId: string }>;

export type EnableUser = Command<'EnableUser', { userId: string }>;

/** An administrator set a one-time password (stored apart, as a hash): the user must change it. */
export type ResetUserPassword = Command<'ResetUserPassword', { userId: string }>;

/**
 * Several changes of one user at once, decided in turn and recorded together or not at all. Each field
 * absent: that part stays as it is; `email: null` clears the address; `owner` without `roles` keeps the grants.
 */
export type ChangeUser = Command<
  'ChangeUser',
  {
    userId: string;
    roles?: readonly RoleGrant[];
    owner?: boolean;
    email?: string | null;
    disabled?: boolean;
  }
>;

export type UserCommand =
  | RegisterUser
  | ChangeUserRoles
  | RecordPasswordChange
  | LogOutUser
  | ChangeUserEmail
  | ChangeNotificationSettings
  | DisableUser
  | EnableUser
  | ResetUserPassword
  | ChangeUser;
