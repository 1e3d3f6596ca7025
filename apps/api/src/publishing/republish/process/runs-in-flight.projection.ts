import { type RecordedEvent, type RepublishFinished, type RepublishStarted } from '@ib/domain';
import { type Projection } from '../../../infrastructure/read-model/projection';
import { environmentOfRun } from '../republish-runs';

/** A republish run started and not finished yet. */
export type RunInFlight = Readonly<{ runId: string; environment?: string }>;

type RunEvent = RepublishStarted | RepublishFinished;

/**
 * The republish runs in flight, which no read-model view shows: the process manager runner keeps them
 * with the republish process's checkpoint, so a restart resumes them without reading the log again.
 */
export const runsInFlight: Projection<RunInFlight> = {
  name: 'republish-runs-in-flight',
  handles: ['RepublishStarted', 'RepublishFinished'] satisfies RunEvent['type'][],
  idOf: (event) => (event.data as RunEvent['data']).runId,
  evolve: (run: RunInFlight | undefined, event: RecordedEvent) => {
    if (event.type === 'RepublishFinished') return undefined;
    if (event.type !== 'RepublishStarted') return run;
    const environment = environmentOfRun(event);
    const { runId } = event.data as RepublishStarted['data'];
    return environment === undefined ? { runId } : { runId, environment };
  },
};
