import { type RecordedEvent, type RepublishEvent } from '@ib/domain';
import { type EventStore } from '../../infrastructure/event-store/event-store.port';
import { RepublishRuns } from './republish-runs';

/** A log of republish events as the store records them; `environment` is the metadata's. */
const logOf = (...entries: (readonly [RepublishEvent, string | undefined])[]): EventStore => {
  const events = entries.map(
    ([{ type, data }, environment], index): RecordedEvent =>
      ({
        type,
        data,
        globalPosition: index + 1,
        streamId: `republish-${(data as { runId: string }).runId}`,
        metadata: { actorId: 'admin', correlationId: 'c', causationId: 'c', environment },
      }) as unknown as RecordedEvent,
  );
  return {
    headPosition: async () => events.length,
    readAll: async ({ fromPosition, limit }: { fromPosition: number; limit: number }) =>
      events.filter((e) => e.globalPosition > fromPosition).slice(0, limit),
  } as unknown as EventStore;
};

const started = (runId: string, environment?: string): RepublishEvent => ({
  type: 'RepublishStarted',
  data: {
    runId,
    integrationIds: ['int-1'],
    startedBy: 'admin',
    startedAt: '2025-03-04T05:06:07.000Z',
    ...(environment === undefined ? {} : { environment }),
  },
});
const finished = (runId: string): RepublishEvent => ({
  type: 'RepublishFinished',
  data: { runId, published: 1, failed: 0, skipped: 0, finishedAt: '2025-03-04T05:07:07.000Z' },
});

describe('RepublishRuns', () => {
  it('given runs started in several environments, then each environment sees only its own run still running', async () => {
    const runs = new RepublishRuns(
      logOf(
        [started('run-0', 'dev2'), 'dev2'],
        [started('run-1', 'development'), 'development'],
        [finished('run-0'), 'dev2'],
        [started('run-2', 'dev3'), 'dev3'],
      ),
    );
    expect(await runs.runningRunIds('development')).toEqual(['run-1']);
    expect(await runs.runningRunIds('dev2')).toEqual([]);
    expect(await runs.runningRunIds('dev3')).toEqual(['run-2']);
  });

  it('given runs started before runs were per environment, then each belongs to the environment of its metadata, or else to every one', async () => {
    const runs = new RepublishRuns(logOf([started('run-1'), 'development'], [started('run-2'), undefined]));
    expect(await runs.runningRunIds('development')).toEqual(['run-1', 'run-2']);
    expect(await runs.runningRunIds('dev2')).toEqual(['run-2']);
  });
});
