import { type RecordedEvent, type RepublishEvent } from '@ib/domain';
import { projectAll } from '../../../infrastructure/read-model/projection';
import { runsInFlight } from './runs-in-flight.projection';

/** Republish events as the store records them; `environment` is the metadata's. */
const recorded = (...entries: (readonly [RepublishEvent, string | undefined])[]): RecordedEvent[] =>
  entries.map(
    ([{ type, data }, environment], index) =>
      ({
        type,
        data,
        globalPosition: index + 1,
        metadata: { actorId: 'admin', correlationId: 'c', causationId: 'c', environment },
      }) as unknown as RecordedEvent,
  );

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
const itemStarted = (runId: string): RepublishEvent => ({
  type: 'RepublishItemStarted',
  data: { runId, integrationId: 'int-1', publicationId: 'pub-1', startedAt: '2025-03-04T05:06:08.000Z' },
});
const finished = (runId: string): RepublishEvent => ({
  type: 'RepublishFinished',
  data: { runId, published: 1, failed: 0, skipped: 0, finishedAt: '2025-03-04T05:07:07.000Z' },
});

describe('runs in flight', () => {
  it('given runs started and one finished, then the others are in flight with their environment', () => {
    const runs = projectAll(
      runsInFlight,
      recorded(
        [started('run-1', 'qa'), undefined],
        [started('run-2'), 'dev'],
        [itemStarted('run-2'), 'dev'],
        [started('run-3'), undefined],
        [finished('run-1'), 'qa'],
      ),
    );

    expect([...runs.values()]).toEqual([{ runId: 'run-2', environment: 'dev' }, { runId: 'run-3' }]);
  });
});
