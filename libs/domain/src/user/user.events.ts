import { type Event } from '../shared/event';
import { type NotificationKind } from './notification-kinds';

/** An auditor reads an environment (its audit log, histories, past states) and changes nothing. */
export const ROLES = ['developer', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
export type RoleGrant = Readonly<{ environment: string; role: Role }>;

/** The actor id of what the installation does by itself (first start, background jobs). */
export const SYSTEM_ACTOR_ID = 'system';

/**
 * Password hashes never enter events: they live in the credential store, keyed by userId.
 * `owner` (the installation role: creates environments, runs operations) is absent on users registered
 * before it existed: then the bootstrap administrator, the only user the system itself registers, is it.
 * `email` (where notifications go by mail) is absent when the user has none, as on every user registered
 * before addresses existed; its domain is lower-case (see normalizedEmail).
 */
export type UserRegistered = Event<
  'UserRegistered',
  {
    userId: string;
    username: string;
    displayName?: string;
    roles: readonly RoleGrant[];
    owner?: boolean;
    email?: string;
    createdBy: string;
    createdAt: string;
  }
>;

/** `owner` is present only when the change sets or withdraws the installation role. */
export type UserRolesChanged = Event<
  'UserRolesChanged',
  { userId: string; roles: readonly RoleGrant[]; owner?: boolean; changedBy: string; changedAt: string }
>;

/** The user chose a new password (giving the current one); a one-time one no longer needs changing. */
export type UserPasswordChanged = Event<
  'UserPasswordChanged',
  { userId: string; changedBy: string; changedAt: string }
>;

/**
 * An administrator gave the user a one-time password (its hash in the credential store, the password
 * itself shown once to the administrator and nowhere else): every session ends, and until the user
 * changes it (UserPasswordChanged) a login with it may do nothing but that.
 */
export type UserPasswordReset = Event<
  'UserPasswordReset',
  { userId: string; resetBy: string; resetAt: string }
>;

/** The user may no longer log in; every session ended. */
export type UserDisabled = Event<'UserDisabled', { userId: string; disabledBy: string; disabledAt: string }>;

/** A disabled user may log in again (with the password they had). */
export type UserEnabled = Event<'UserEnabled', { userId: string; enabledBy: string; enabledAt: string }>;

/** Every session of the user ended: tokens issued before are refused from now on. */
export type UserLoggedOut = Event<'UserLoggedOut', { userId: string; loggedOutAt: string }>;

/** The user's address changed; `email` absent: they have none any more. */
export type UserEmailChanged = Event<
  'UserEmailChanged',
  { userId: string; email?: string; changedBy: string; changedAt: string }
>;

/**
 * The kinds of notification that also go to the user by email from now on (in NOTIFICATION_KINDS order,
 * each once); until the first of these events, DEFAULT_EMAIL_KINDS do.
 */
export type UserNotificationSettingsChanged = Event<
  'UserNotificationSettingsChanged',
  { userId: string; emailKinds: readonly NotificationKind[]; changedBy: string; changedAt: string }
>;

export type UserEvent =
  | UserRegistered
  | UserRolesChanged
  | UserPasswordChanged
  | UserLoggedOut
  | UserEmailChanged
  | UserNotificationSettingsChanged
  | UserPasswordReset
  | UserDisabled
  | UserEnabled;

export const USER_EVENT_TYPES: readonly UserEvent['type'][] = [
  'UserRegistered',
  'UserRolesChanged',
  'UserPasswordChanged',
  'UserLoggedOut',
  'UserEmailChanged',
  'UserNotificationSettingsChanged',
  'UserPasswordReset',
  'UserDisabled',
  'UserEnabled',
];
