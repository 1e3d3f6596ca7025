import { filtersOf } from '../../apps/console/src/components/table-filters';

describe('a table’s column filters as the list query’s', () => {
  it('given values chosen in a column not filtered yet, filters that field on those values (in)', () =>
    expect(filtersOf({ status: ['pending'] }, [])).toEqual([
      { field: 'status', operator: 'in', value: ['pending'] },
    ]));

  it('given a column filtered already (from the address), keeps the operator it has', () =>
    expect(
      filtersOf({ environment: ['dev'] }, [{ field: 'environment', operator: 'eq', value: 'prod' }]),
    ).toEqual([{ field: 'environment', operator: 'eq', value: ['dev'] }]));

  it('given a column cleared, names the filter it had with no value, so merging drops it', () =>
    expect(filtersOf({ status: null }, [{ field: 'status', operator: 'in', value: ['pending'] }])).toEqual([
      { field: 'status', operator: 'in', value: null },
    ]));
});
