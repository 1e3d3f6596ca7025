import { type RepublishEvent, republishStreamId } from '@ib/domain';
import { viewDatabase } from '../../../infrastructure/read-model/testing/view-database';
import { PUBLISHING_VIEWS } from '../../publishing-views.list';
import { listRunningRepublishRunIds } from './republish-run-views';
import { type RepublishRunView } from './republish-runs.projection';
import { RepublishRunRow } from './republish-runs.table';

const started = (runId: string, startedAt: string, environment?: string) =>
  [
    republishStreamId(runId),
    {
      type: 'RepublishStarted',
      data: {
        runId,
        integrationIds: ['int-1'],
        startedBy: 'admin',
        startedAt,
        ...(environment === undefined ? {} : { environment }),
      },
    },
  ] as const satisfies readonly [string, RepublishEvent];
const finished = (runId: string) =>
  [
    republishStreamId(runId),
    {
      type: 'RepublishFinished',
      data: { runId, published: 1, failed: 0, skipped: 0, finishedAt: '2025-03-05T00:00:00.000Z' },
    },
  ] as const satisfies readonly [string, RepublishEvent];

describe('republish run queries', () => {
  let database: Awaited<ReturnType<typeof viewDatabase>>;

  beforeAll(async () => {
    database = await viewDatabase(PUBLISHING_VIEWS, [
      started('run-3', '2025-03-03T00:00:00.000Z', 'dev'),
      started('run-1', '2025-03-01T00:00:00.000Z'),
      started('run-2', '2025-03-02T00:00:00.000Z', 'qa'),
      started('run-0', '2025-03-01T00:00:00.000Z', 'dev'),
      finished('run-0'),
    ]);
  });
  afterAll(() => database.close());

  it('given runs of several environments and one of unknown environment, then each environment counts its own and the unknown one, oldest first', async () => {
    const runs = database.stores.of<RepublishRunView>(RepublishRunRow);

    expect(await listRunningRepublishRunIds(runs, 'dev')).toEqual(['run-1', 'run-3']);
    expect(await listRunningRepublishRunIds(runs, 'qa')).toEqual(['run-1', 'run-2']);
    expect(await listRunningRepublishRunIds(runs, 'prod')).toEqual(['run-1']);
  });
});
