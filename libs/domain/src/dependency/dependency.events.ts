import { type Event } from '../shared/event';

/**
 * A new version of a runtime dependency (the components every published integration runs on) was
 * installed. A breaking one makes every integration built against an older version need a republish.
 */
export type DependencyUpdateInstalled = Event<
  'DependencyUpdateInstalled',
  {
    name: string;
    fromVersion: string;
    version: string;
    /** Declared by the administrator or implied by a new major version. */
    breaking: boolean;
    notes: string;
    installedBy: string;
    installedAt: string;
  }
>;

export type DependencyEvent = DependencyUpdateInstalled;

export const DEPENDENCY_EVENT_TYPES: readonly DependencyEvent['type'][] = ['DependencyUpdateInstalled'];
