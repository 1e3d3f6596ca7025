import { type Event } from '../shared/event';

export const ENVIRONMENT_KINDS = ['development', 'qa', 'production'] as const;
export type EnvironmentKind = (typeof ENVIRONMENT_KINDS)[number];

export type EnvironmentCreated = Event<
  'EnvironmentCreated',
  { name: string; kind: EnvironmentKind; address?: string; createdBy: string; createdAt: string }
>;

/** `changeRequestId`: the approved change request it applies (switching four-eyes off takes one). */
export type EnvironmentPolicyChanged = Event<
  'EnvironmentPolicyChanged',
  { name: string; fourEyes: boolean; changedBy: string; changedAt: string; changeRequestId?: string }
>;

export type EnvironmentEvent = EnvironmentCreated | EnvironmentPolicyChanged;
export const ENVIRONMENT_EVENT_TYPES: readonly EnvironmentEvent['type'][] = [
  'EnvironmentCreated',
  'EnvironmentPolicyChanged',
];

/** Until an administrator changes it, production changes need four eyes and the others do not. */
export const defaultFourEyes = (kind: EnvironmentKind): boolean => kind === 'production';
