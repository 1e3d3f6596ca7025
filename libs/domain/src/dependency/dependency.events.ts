import { type Event } from '../shared/event';

/**
 * A new version of a runtime dependency (the components every published integration runs on) was
 * installed in one environment (each environment runs its own runtime). A breaking one makes the
 * integrations deployed there, built against an older version, need a republish.
 *
 * `environment` is absent on the updates installed before updates were per environment: those
 * were installed for the whole installation and still apply to every environment.
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
    environment?: string;
  }
>;

export type DependencyEvent = DependencyUpdateInstalled;

export const DEPENDENCY_EVENT_TYPES: readonly DependencyEvent['type'][] = ['DependencyUpdateInstalled'];
