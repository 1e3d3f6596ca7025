import { type Decider, assertNever } from '../shared/decider';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { ignoreUnknownEvent } from '../shared/ignore-unknown-event';
import { fieldErrors, throwIfInvalid, trimmed } from '../shared/validation';
import {
  type FinishRepublishItem,
  type RepublishCommand,
  type StartRepublish,
  type StartRepublishItem,
} from './republish.commands';
import { type RepublishEvent, type RepublishItemOutcome } from './republish.events';

const MAX_REASON = 2000;
const OUTCOMES: readonly RepublishItemOutcome[] = ['published', 'failed', 'skipped'];

export type RepublishItemStatus = 'pending' | 'running' | RepublishItemOutcome;

export type RepublishItem = Readonly<{
  integrationId: string;
  status: RepublishItemStatus;
  publicationId?: string;
  version?: number;
  reason?: string;
}>;

type RunData = Readonly<{
  runId: string;
  /** Absent for a run started before runs were per environment. */
  environment?: string;
  items: readonly RepublishItem[];
  startedBy: string;
  startedAt: string;
}>;

export type RunningRepublish = Readonly<{ status: 'running' }> & RunData;
export type FinishedRepublish = Readonly<{
  status: 'finished';
  published: number;
  failed: number;
  skipped: number;
  finishedAt: string;
}> &
  RunData;
export type Republish = Readonly<{ status: 'none' }> | RunningRepublish | FinishedRepublish;

export type NextRepublishItem = Readonly<{ integrationId: string; publicationId?: string }>;

const isOpen = (item: RepublishItem): boolean => item.status === 'pending' || item.status === 'running';

/**
 * What a process resuming the run does next: the first item not finished, with the publication it
 * already started (if any), so a restart continues that publication instead of starting another.
 */
export const nextRepublishItem = (state: Republish): NextRepublishItem | undefined => {
  if (state.status !== 'running') return undefined;
  const item = state.items.find(isOpen);
  if (item === undefined) return undefined;
  return item.publicationId === undefined
    ? { integrationId: item.integrationId }
    : { integrationId: item.integrationId, publicationId: item.publicationId };
};

const initialState = (): Republish => ({ status: 'none' });

const running = (state: Republish, runId: string): RunningRepublish => {
  if (state.status === 'none')
    throw new NotFoundError('REPUBLISH.NOT_FOUND', `Republish run ${runId} does not exist`);
  if (state.status === 'finished')
    throw new IllegalStateError('REPUBLISH.FINISHED', `Republish run ${runId} is finished`);
  return state;
};

const openItem = (state: RunningRepublish, integrationId: string): RepublishItem => {
  const item = state.items.find((candidate) => candidate.integrationId === integrationId);
  if (item === undefined)
    throw new IllegalStateError(
      'REPUBLISH.NOT_IN_RUN',
      `Integration ${integrationId} is not part of republish run ${state.runId}`,
    );
  if (!isOpen(item))
    throw new IllegalStateError(
      'REPUBLISH.ITEM_FINISHED',
      `Integration ${integrationId} was already ${item.status} in republish run ${state.runId}`,
    );
  return item;
};

const startRepublish = ({ data, metadata }: StartRepublish, state: Republish): RepublishEvent[] => {
  if (state.status !== 'none')
    throw new IllegalStateError('REPUBLISH.ALREADY_EXISTS', `Republish run ${data.runId} already exists`);
  const ids = Array.isArray(data.integrationIds) ? data.integrationIds : [];
  throwIfInvalid(
    'REPUBLISH.INVALID',
    'The republish run is invalid',
    fieldErrors(
      ['runId', trimmed(data.runId) === '' ? 'is required' : undefined],
      ['environment', trimmed(data.environment) === '' ? 'is required' : undefined],
      [
        'integrationIds',
        ids.length === 0 || ids.some((id) => trimmed(id) === '')
          ? 'must list at least one integration'
          : new Set(ids).size !== ids.length
            ? 'must not list an integration twice'
            : undefined,
      ],
    ),
  );
  return [
    {
      type: 'RepublishStarted',
      data: {
        runId: data.runId,
        integrationIds: ids,
        startedBy: metadata.actorId,
        startedAt: metadata.now.toISOString(),
        environment: data.environment,
      },
    },
  ];
};

const startItem = ({ data, metadata }: StartRepublishItem, state: Republish): RepublishEvent[] => {
  const run = running(state, data.runId);
  throwIfInvalid(
    'REPUBLISH.INVALID',
    'The republish item is invalid',
    fieldErrors(['publicationId', trimmed(data.publicationId) === '' ? 'is required' : undefined]),
  );
  const item = openItem(run, data.integrationId);
  // A process retrying after a restart records the same publication again: nothing new happened.
  if (item.publicationId === data.publicationId) return [];
  if (item.status === 'running')
    throw new IllegalStateError(
      'REPUBLISH.ITEM_IN_PROGRESS',
      `Integration ${data.integrationId} is already being republished by publication ${item.publicationId}`,
    );
  return [
    {
      type: 'RepublishItemStarted',
      data: {
        runId: data.runId,
        integrationId: data.integrationId,
        publicationId: data.publicationId,
        startedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const outcomeProblem = (data: FinishRepublishItem['data'], item: RepublishItem): string | undefined => {
  if (!OUTCOMES.includes(data.outcome)) return `must be one of ${OUTCOMES.join(', ')}`;
  if (data.outcome === 'published' && item.status !== 'running')
    return 'published needs a publication started for the integration';
  return undefined;
};

const finishItem = ({ data, metadata }: FinishRepublishItem, state: Republish): RepublishEvent[] => {
  const run = running(state, data.runId);
  const item = openItem(run, data.integrationId);
  const reason = data.reason === undefined ? undefined : trimmed(data.reason);
  throwIfInvalid(
    'REPUBLISH.INVALID',
    'The republish outcome is invalid',
    fieldErrors(
      ['outcome', outcomeProblem(data, item)],
      [
        'version',
        data.outcome !== 'published' || (Number.isSafeInteger(data.version) && (data.version as number) >= 1)
          ? undefined
          : 'must be the published version, an integer >= 1',
      ],
      [
        'reason',
        reason !== undefined && reason.length > MAX_REASON
          ? `must be at most ${MAX_REASON} characters`
          : data.outcome === 'failed' && !reason
            ? 'is required when the item failed'
            : undefined,
      ],
    ),
  );
  const at = metadata.now.toISOString();
  const events: RepublishEvent[] = [
    {
      type: 'RepublishItemFinished',
      data: {
        runId: data.runId,
        integrationId: data.integrationId,
        ...(item.publicationId === undefined ? {} : { publicationId: item.publicationId }),
        outcome: data.outcome,
        ...(data.outcome === 'published' ? { version: data.version } : {}),
        ...(reason ? { reason } : {}),
        finishedAt: at,
      },
    },
  ];
  const others = run.items.filter((other) => other !== item);
  if (others.every((other) => !isOpen(other))) {
    const count = (outcome: RepublishItemOutcome) =>
      others.filter(({ status }) => status === outcome).length + (data.outcome === outcome ? 1 : 0);
    events.push({
      type: 'RepublishFinished',
      data: {
        runId: data.runId,
        published: count('published'),
        failed: count('failed'),
        skipped: count('skipped'),
        finishedAt: at,
      },
    });
  }
  return events;
};

const decide = (command: RepublishCommand, state: Republish): RepublishEvent[] => {
  switch (command.type) {
    case 'StartRepublish':
      return startRepublish(command, state);
    case 'StartRepublishItem':
      return startItem(command, state);
    case 'FinishRepublishItem':
      return finishItem(command, state);
    default:
      return assertNever(command);
  }
};

const withItem = (
  state: RunningRepublish,
  integrationId: string,
  change: (item: RepublishItem) => RepublishItem,
): RunningRepublish => ({
  ...state,
  items: state.items.map((item) => (item.integrationId === integrationId ? change(item) : item)),
});

const evolve = (state: Republish, event: RepublishEvent): Republish => {
  if (event.type === 'RepublishStarted') {
    const { runId, integrationIds, startedBy, startedAt, environment } = event.data;
    return {
      status: 'running',
      runId,
      ...(environment === undefined ? {} : { environment }),
      items: integrationIds.map((integrationId) => ({ integrationId, status: 'pending' })),
      startedBy,
      startedAt,
    };
  }
  // Facts about a run never started or already finished change nothing; evolve must not throw.
  if (state.status !== 'running') return state;
  switch (event.type) {
    case 'RepublishItemStarted':
      return withItem(state, event.data.integrationId, (item) => ({
        ...item,
        status: 'running',
        publicationId: event.data.publicationId,
      }));
    case 'RepublishItemFinished': {
      const { outcome, version, reason } = event.data;
      return withItem(state, event.data.integrationId, (item) => ({
        ...item,
        status: outcome,
        ...(version === undefined ? {} : { version }),
        ...(reason === undefined ? {} : { reason }),
      }));
    }
    case 'RepublishFinished': {
      const { published, failed, skipped, finishedAt } = event.data;
      return { ...state, status: 'finished', published, failed, skipped, finishedAt };
    }
    default:
      return ignoreUnknownEvent(event, state);
  }
};

export const republishDecider: Decider<Republish, RepublishCommand, RepublishEvent> = {
  initialState,
  evolve,
  decide,
};
