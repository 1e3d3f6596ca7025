import { filterQuery, pageQuery, sortQuery } from '../../apps/console/src/providers/list-query';

/** The console's data provider asks the API for pages, filters and orders in the API's own words. */
describe("Refine's list parameters as the API's query", () => {
  it('asks for the page Refine counts from 1 as an offset and a limit', () => {
    expect(pageQuery(1, 10)).toEqual({ offset: 0, limit: 10 });
    expect(pageQuery(3, 20)).toEqual({ offset: 40, limit: 20 });
  });

  it('orders by one field, descending with a leading -', () => {
    expect(sortQuery([{ field: 'updatedAt', order: 'desc' }])).toEqual({ sort: '-updatedAt' });
    expect(sortQuery([{ field: 'applicationName', order: 'asc' }])).toEqual({ sort: 'applicationName' });
    expect(sortQuery([])).toEqual({});
    expect(sortQuery()).toEqual({});
  });

  it('filters by field=value: an equality, or a column filter with one value picked', () => {
    expect(
      filterQuery([
        { field: 'environment', operator: 'eq', value: 'qa' },
        { field: 'status', operator: 'in', value: ['pending'] },
      ]),
    ).toEqual({ environment: 'qa', status: 'pending' });
  });

  it('leaves out a cleared filter', () => {
    expect(
      filterQuery([
        { field: 'status', operator: 'in', value: [] },
        { field: 'status', operator: 'in', value: undefined },
        { field: 'provider', operator: 'eq', value: '' },
        { field: 'environment', operator: 'eq', value: null },
      ]),
    ).toEqual({});
  });

  it('refuses what the API cannot do rather than apply it to one page in the browser', () => {
    expect(() => filterQuery([{ field: 'name', operator: 'contains', value: 'shop' }])).toThrow(
      'The API lists cannot filter name with contains "shop"',
    );
    expect(() => filterQuery([{ field: 'status', operator: 'in', value: ['pending', 'approved'] }])).toThrow(
      /cannot filter status with in/,
    );
    expect(() =>
      filterQuery([{ operator: 'or', value: [{ field: 'status', operator: 'eq', value: 'pending' }] }]),
    ).toThrow('The API lists cannot combine filters with or');
    expect(() =>
      sortQuery([
        { field: 'applicationName', order: 'asc' },
        { field: 'updatedAt', order: 'desc' },
      ]),
    ).toThrow('The API lists cannot sort on more than one field');
  });
});
