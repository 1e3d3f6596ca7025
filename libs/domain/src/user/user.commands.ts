import { type Command } from '../shared/command';
import { type RoleGrant } from './user.events';

/** The stream is `user-<lowercased username>`, so a username is unique by construction. */
export type RegisterUser = Command<
  'RegisterUser',
  { userId: string; username: string; displayName?: string; roles: readonly RoleGrant[]; owner?: boolean }
>;

/** `owner` absent: the installation role stays as it is. */
export type ChangeUserRoles = Command<
  'ChangeUserRoles',
  { userId: string; roles: readonly RoleGrant[]; owner?: boolean }
>;

export type RecordPasswordChange = Command<'RecordPasswordChange', { userId: string }>;

export type LogOutUser = Command<'LogOutUser', { userId: string }>;

export type UserCommand = RegisterUser | ChangeUserRoles | RecordPasswordChange | LogOutUser;
