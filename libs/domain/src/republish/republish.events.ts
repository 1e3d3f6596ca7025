import { type Event } from '../shared/event';

/**
 * An administrator of a development environment asked to republish the integrations built there
 * that a breaking dependency update installed there affected. `environment` is absent on runs started
 * before runs were per environment: such a run belongs to the environment of its event's metadata.
 */
export type RepublishStarted = Event<
  'RepublishStarted',
  {
    runId: string;
    integrationIds: readonly string[];
    startedBy: string;
    startedAt: string;
    environment?: string;
  }
>;

/** The run requested a publication for one integration (recorded first, so a restart finds it). */
export type RepublishItemStarted = Event<
  'RepublishItemStarted',
  { runId: string; integrationId: string; publicationId: string; startedAt: string }
>;

export type RepublishItemOutcome = 'published' | 'failed' | 'skipped';

export type RepublishItemFinished = Event<
  'RepublishItemFinished',
  {
    runId: string;
    integrationId: string;
    publicationId?: string;
    outcome: RepublishItemOutcome;
    version?: number;
    reason?: string;
    finishedAt: string;
  }
>;

export type RepublishFinished = Event<
  'RepublishFinished',
  { runId: string; published: number; failed: number; skipped: number; finishedAt: string }
>;

export type RepublishEvent =
  RepublishStarted | RepublishItemStarted | RepublishItemFinished | RepublishFinished;

export const REPUBLISH_EVENT_TYPES: readonly RepublishEvent['type'][] = [
  'RepublishStarted',
  'RepublishItemStarted',
  'RepublishItemFinished',
  'RepublishFinished',
];
