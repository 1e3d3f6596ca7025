import { type Command } from '../shared/command';
import { type RepublishItemOutcome } from './republish.events';

/** The handler lists the integrations built in `environment` that need a republish there now. */
export type StartRepublish = Command<
  'StartRepublish',
  { runId: string; environment: string; integrationIds: readonly string[] }
>;

export type StartRepublishItem = Command<
  'StartRepublishItem',
  { runId: string; integrationId: string; publicationId: string }
>;

export type FinishRepublishItem = Command<
  'FinishRepublishItem',
  {
    runId: string;
    integrationId: string;
    outcome: RepublishItemOutcome;
    version?: number;
    reason?: string;
  }
>;

export type RepublishCommand = StartRepublish | StartRepublishItem | FinishRepublishItem;
