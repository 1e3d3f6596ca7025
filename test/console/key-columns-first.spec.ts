import { keyColumnsFirst } from '../../apps/console/src/components/key-columns-first';

const column = (name: string, primaryKey = false) => ({ name, primaryKey });

describe('the attribute panel’s order', () => {
  it('given a key that is not the first column, lists the key columns first, in key order, then the others as listed', () =>
    expect(
      keyColumnsFirst(
        [column('memo'), column('line_no', true), column('amount'), column('entry_id', true)],
        ['entry_id', 'line_no'],
      ).map(({ name }) => name),
    ).toEqual(['entry_id', 'line_no', 'memo', 'amount']));

  it('given no key order (an entity’s attributes), keeps the key columns in the order listed', () =>
    expect(
      keyColumnsFirst([column('a'), column('k2', true), column('b'), column('k1', true)]).map(
        ({ name }) => name,
      ),
    ).toEqual(['k2', 'k1', 'a', 'b']));

  it('given no key, changes nothing', () => {
    const rows = [column('b'), column('a')];
    expect(keyColumnsFirst(rows)).toEqual(rows);
  });
});
