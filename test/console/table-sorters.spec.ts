import { sortersOf } from '../../apps/console/src/components/table-sorters';

describe('a table’s sort as the list query’s', () => {
  it('given a column sorted ascending by its dataIndex, sorts by that field ascending', () =>
    expect(sortersOf({ field: 'updatedAt', columnKey: 'updatedAt', order: 'ascend' })).toEqual([
      { field: 'updatedAt', order: 'asc' },
    ]));

  it('given a column with a key of its own, sorts by the key (the API’s field), descending', () =>
    expect(sortersOf({ field: 'name', columnKey: 'applicationName', order: 'descend' })).toEqual([
      { field: 'applicationName', order: 'desc' },
    ]));

  it('given a nested dataIndex and no key, names the field by its path', () =>
    expect(sortersOf({ field: ['requestedBy', 'username'], order: 'ascend' })).toEqual([
      { field: 'requestedBy.username', order: 'asc' },
    ]));

  it('given a sort cleared (no order) or a column without a field, asks for no sort', () => {
    expect(sortersOf({ field: 'updatedAt', columnKey: 'updatedAt', order: null })).toEqual([]);
    expect(sortersOf({ columnKey: 'actions', order: 'ascend' })).toEqual([]);
  });

  it('given several sorted columns, keeps each in the order antd gives', () =>
    expect(
      sortersOf([
        { field: 'a', order: 'ascend' },
        { field: 'b', order: 'descend' },
      ]),
    ).toEqual([
      { field: 'a', order: 'asc' },
      { field: 'b', order: 'desc' },
    ]));
});
