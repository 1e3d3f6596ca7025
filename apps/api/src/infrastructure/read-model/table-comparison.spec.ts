import { type ComparedTable, compareTables, FirstDifferences, type KeyedRow } from './table-comparison';

type Value = KeyedRow['value'];

/** A table in memory, read as the database would: pages in key order, rows by key. */
const tableOf = (rows: Readonly<Record<string, Value>>): ComparedTable & { pages: number } => {
  const sorted = Object.keys(rows)
    .sort()
    .map((key) => ({ key, value: rows[key] }));
  const table = {
    pages: 0,
    page: async (after: string | undefined, limit: number) => {
      table.pages++;
      return sorted.filter(({ key }) => after === undefined || key > after).slice(0, limit);
    },
    rowsOf: async (keys: readonly string[]) => sorted.filter(({ key }) => keys.includes(key)),
  };
  return table;
};

const integration = (id: string, fields: Value = {}): Value => ({
  id,
  status: 'draft',
  version: 0,
  ...fields,
});

describe('compareTables', () => {
  it('given the same rows, then the tables are equal, with both counts and no difference', async () => {
    // Given
    const rows = { a: integration('a'), b: integration('b'), c: integration('c') };

    // When
    const comparison = await compareTables(tableOf(rows), tableOf({ ...rows }));

    // Then
    expect(comparison).toEqual({ equal: true, liveRows: 3, replayedRows: 3, differences: [] });
  });

  it('given two empty tables, then they are equal', async () => {
    expect(await compareTables(tableOf({}), tableOf({}))).toEqual({
      equal: true,
      liveRows: 0,
      replayedRows: 0,
      differences: [],
    });
  });

  it('given the same documents with their fields in another order, then they are equal', async () => {
    // Given
    const live = { a: { version: 1, id: 'a', details: { port: 3306, host: 'db' } } };
    const replayed = { a: { id: 'a', details: { host: 'db', port: 3306 }, version: 1 } };

    // When
    const comparison = await compareTables(tableOf(live), tableOf(replayed));

    // Then
    expect(comparison.equal).toBe(true);
  });

  it('given a live row edited by hand, then that row is the difference, with both versions', async () => {
    // Given
    const replayed = { a: integration('a'), b: integration('b'), c: integration('c') };
    const live = { ...replayed, b: integration('b', { status: 'open' }) };

    // When
    const comparison = await compareTables(tableOf(live), tableOf(replayed));

    // Then
    expect(comparison).toEqual({
      equal: false,
      liveRows: 3,
      replayedRows: 3,
      differences: [{ key: 'b', live: integration('b', { status: 'open' }), replayed: integration('b') }],
    });
  });

  it('given a row only one side has, then it differs with null on the other side', async () => {
    // Given: the live view lost `a` and holds a `z` the log never made
    const live = { b: integration('b'), z: integration('z') };
    const replayed = { a: integration('a'), b: integration('b') };

    // When
    const comparison = await compareTables(tableOf(live), tableOf(replayed));

    // Then
    expect(comparison).toEqual({
      equal: false,
      liveRows: 2,
      replayedRows: 2,
      differences: [
        { key: 'a', live: null, replayed: integration('a') },
        { key: 'z', live: integration('z'), replayed: null },
      ],
    });
  });

  it('given an array in another order, then the rows differ (order in a list is data)', async () => {
    const live = { a: integration('a', { entities: ['orders', 'customers'] }) };
    const replayed = { a: integration('a', { entities: ['customers', 'orders'] }) };

    expect((await compareTables(tableOf(live), tableOf(replayed))).equal).toBe(false);
  });

  it('given more differing rows than asked for, then the first ones by key are given, over both passes', async () => {
    // Given: keys 00..24; even ones changed in the live view, odd ones missing from it
    const replayed: Record<string, Value> = {};
    const live: Record<string, Value> = {};
    for (let index = 0; index < 25; index++) {
      const key = String(index).padStart(2, '0');
      replayed[key] = integration(key);
      if (index % 2 === 0) live[key] = integration(key, { version: 9 });
    }

    // When
    const comparison = await compareTables(tableOf(live), tableOf(replayed), {
      pageSize: 4,
      maxDifferences: 10,
    });

    // Then
    expect(comparison.liveRows).toBe(13);
    expect(comparison.replayedRows).toBe(25);
    expect(comparison.differences.map(({ key }) => key)).toEqual([
      '00',
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
    ]);
    expect(comparison.differences[0]).toEqual({
      key: '00',
      live: integration('00', { version: 9 }),
      replayed: integration('00'),
    });
    expect(comparison.differences[1]).toEqual({ key: '01', live: null, replayed: integration('01') });
  });

  it('given tables larger than a page, then each is read page by page to its end', async () => {
    // Given
    const rows: Record<string, Value> = {};
    for (let index = 0; index < 10; index++) rows[`k${index}`] = integration(`k${index}`);
    const live = tableOf(rows);
    const replayed = tableOf(rows);

    // When
    const comparison = await compareTables(live, replayed, { pageSize: 3 });

    // Then: 3 + 3 + 3 + 1 rows, the last page shorter than a page
    expect(comparison).toMatchObject({ equal: true, liveRows: 10, replayedRows: 10 });
    expect([live.pages, replayed.pages]).toEqual([4, 4]);
  });
});

describe('FirstDifferences', () => {
  const difference = (key: string) => ({ key, live: null, replayed: {} });

  it('given differences in any order, then it keeps the lowest keys, in key order', () => {
    // Given
    const first = new FirstDifferences(3);

    // When
    for (const key of ['m', 'c', 'x', 'a', 'k', 'b']) first.add(difference(key));

    // Then
    expect(first.list().map(({ key }) => key)).toEqual(['a', 'b', 'c']);
  });

  it('given fewer differences than its limit, then it keeps them all', () => {
    const first = new FirstDifferences(10);

    first.add(difference('b'));
    first.add(difference('a'));

    expect(first.list().map(({ key }) => key)).toEqual(['a', 'b']);
  });
});
