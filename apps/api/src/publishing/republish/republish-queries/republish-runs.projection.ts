import { type RecordedEvent, type RepublishFinished, type RepublishStarted } from '@ib/domain';
import { isOneOf, type Projection, type RecordedOf } from '../../../infrastructure/read-model/projection';

/** A republish run still running: a run's row goes when it finishes. */
export type RepublishRunView = Readonly<{
  id: string;
  /** Absent for a run of unknown environment (see below). */
  environment?: string;
  startedAt: string;
}>;

type RepublishRunEvent = RepublishStarted | RepublishFinished;

const isRepublishRunEvent = isOneOf<RepublishRunEvent>(['RepublishStarted', 'RepublishFinished']);

const evolve = (
  view: RepublishRunView | undefined,
  recorded: RecordedEvent,
): RepublishRunView | undefined => {
  if (!isRepublishRunEvent(recorded)) return view;
  if (recorded.type === 'RepublishFinished') return undefined;
  const { runId, startedAt, environment } = recorded.data;
  // A run started before runs were per environment names none in its data; it was started by an
  // administrator logged in to the environment of its metadata.
  const runEnvironment = environment ?? recorded.metadata.environment;
  return { id: runId, startedAt, ...(runEnvironment === undefined ? {} : { environment: runEnvironment }) };
};

export const republishRunsProjection: Projection<RepublishRunView> = {
  name: 'republish_runs',
  handles: ['RepublishStarted', 'RepublishFinished'],
  idOf: (event) => (event as RecordedOf<RepublishRunEvent>).data.runId,
  evolve,
};
