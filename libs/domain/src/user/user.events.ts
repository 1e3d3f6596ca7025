import { type Event } from '../shared/event';

export const ROLES = ['developer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type RoleGrant = Readonly<{ environment: string; role: Role }>;

/** Password hashes never enter events: they live in the credential store, keyed by userId. */
export type UserRegistered = Event<
  'UserRegistered',
  {
    userId: string;
    username: string;
    displayName?: string;
    roles: readonly RoleGrant[];
    createdBy: string;
    createdAt: string;
  }
>;

export type UserRolesChanged = Event<
  'UserRolesChanged',
  { userId: string; roles: readonly RoleGrant[]; changedBy: string; changedAt: string }
>;

export type UserPasswordChanged = Event<
  'UserPasswordChanged',
  { userId: string; changedBy: string; changedAt: string }
>;

export type UserEvent = UserRegistered | UserRolesChanged | UserPasswordChanged;
export const USER_EVENT_TYPES: readonly UserEvent['type'][] = [
  'UserRegistered',
  'UserRolesChanged',
  'UserPasswordChanged',
];
