import { range } from '../../../../../test/event-store-contract/event-store.fixtures';
import { stateDatabases } from '../mysql/testing/state-databases';
import { MysqlIdempotencyStore } from './mysql-idempotency-store';
import { POLICY, at, call, describeIdempotencyStoreContract } from './testing/idempotency-store.contract';

const databases = stateDatabases('ib_idempotency');

describeIdempotencyStoreContract('MysqlIdempotencyStore', {
  open: (policy) => new MysqlIdempotencyStore({ ...databases.own(), policy }),
  setUp: databases.setUp,
  tearDown: databases.tearDown,
});

describe('MysqlIdempotencyStore', () => {
  beforeEach(databases.setUp);
  afterEach(databases.tearDown);

  it('given 6 instances, when each races 5 retries for one new key and then for its abandoned attempt, then exactly one reserves each time', async () => {
    const stores = range(0, 6).map(() => new MysqlIdempotencyStore({ ...databases.own(), policy: POLICY }));
    const raceAt = (ms: number) =>
      Promise.all(stores.flatMap((store) => range(0, 5).map(() => store.reserve(call({ now: at(ms) })))));

    const first = await raceAt(0);
    const takeOver = await raceAt(60_000);

    for (const outcomes of [first, takeOver])
      expect(outcomes.filter(({ outcome }) => outcome === 'reserved')).toHaveLength(1);
    expect(takeOver.find(({ outcome }) => outcome === 'reserved')).toMatchObject({ attempt: 2 });
    await Promise.all(stores.map((store) => store.close()));
  });
});
