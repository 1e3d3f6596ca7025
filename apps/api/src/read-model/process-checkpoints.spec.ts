import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteProcessCheckpoints } from './process-checkpoints';
import { createReadModelOrm, type ReadModelOrm } from './read-model-orm';

describe('SqliteProcessCheckpoints', () => {
  let folder: string;
  let orm: ReadModelOrm;
  const at = new Date('2025-06-01T00:00:00.000Z');

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ib-process-checkpoints-'));
    orm = await createReadModelOrm({ file: join(folder, 'read-model.db'), views: [] });
  });
  afterEach(async () => {
    await orm.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('given nothing saved, then a manager has no checkpoint', async () => {
    expect(await new SqliteProcessCheckpoints(orm).load('process:republish')).toBeUndefined();
  });

  it('given checkpoints saved with instances opened and closed, when loaded again, then the last position and the open instances come back', async () => {
    const checkpoints = new SqliteProcessCheckpoints(orm, () => at);
    await checkpoints.save('process:republish', 10, {
      upserts: new Map([
        ['run-1', { runId: 'run-1', environment: 'dev' }],
        ['run-2', { runId: 'run-2' }],
      ]),
      removals: [],
    });
    await checkpoints.save('process:republish', 12, { upserts: new Map(), removals: ['run-1'] });
    await checkpoints.save('process:publication', 7);

    const reopened = new SqliteProcessCheckpoints(orm);
    expect(await reopened.load('process:republish')).toEqual({
      position: 12,
      instances: new Map([['run-2', { runId: 'run-2' }]]),
    });
    expect(await reopened.load('process:publication')).toEqual({ position: 7, instances: new Map() });
    expect(
      await orm.em
        .fork()
        .execute('select name, position, updated_at from projection_checkpoints order by name'),
    ).toEqual([
      { name: 'process:publication', position: 7, updated_at: at.toISOString() },
      { name: 'process:republish', position: 12, updated_at: at.toISOString() },
    ]);
  });
});
