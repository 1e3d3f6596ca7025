import { type Event } from '../shared/event';

export const ENVIRONMENT_KINDS = ['development', 'qa', 'production'] as const;
export type EnvironmentKind = (typeof ENVIRONMENT_KINDS)[number];

export type EnvironmentCreated = Event<
  'EnvironmentCreated',
  { name: string; kind: EnvironmentKind; address?: string; createdBy: string; createdAt: string }
>;

export type EnvironmentEvent = EnvironmentCreated;
export const ENVIRONMENT_EVENT_TYPES: readonly EnvironmentEvent['type'][] = ['EnvironmentCreated'];
