import { type ColumnInfo, type TableInfo } from '../spi';
import { applyNullPolicyOnRead, applyNullPolicyOnWrite } from './null-policy';

const column = (name: string, kind: ColumnInfo['kind'], nullable = true, scale?: number): ColumnInfo => ({
  name,
  nativeType: kind,
  kind,
  nullable,
  autoIncrement: false,
  ...(scale === undefined ? {} : { precision: 10, scale }),
});
const table: TableInfo = {
  schema: 'main',
  name: 'T',
  kind: 'table',
  columns: [
    column('id', 'Integer', false),
    column('text', 'Text'),
    column('count', 'Integer'),
    column('price', 'Decimal'),
    column('amount', 'Decimal', true, 2),
    column('flag', 'Boolean'),
    column('day', 'Date'),
    column('at', 'DateTime'),
    column('clock', 'Time'),
    column('doc', 'Json'),
    column('tags', 'Set'),
    column('required', 'Text', false),
  ],
  primaryKey: ['id'],
  foreignKeys: [],
  indexes: [],
};
const allNull = {
  id: 0,
  text: null,
  count: null,
  price: null,
  amount: null,
  flag: null,
  day: null,
  at: null,
  clock: null,
  doc: null,
  tags: null,
  required: '',
};

describe('null policy', () => {
  it("given 'overwrite', when reading and writing, then values pass unchanged", () => {
    expect(applyNullPolicyOnRead(table, allNull, 'overwrite')).toBe(allNull);
    expect(applyNullPolicyOnWrite(table, { text: '' }, 'overwrite')).toEqual({ text: '' });
  });

  it("given 'preserve', when NULLs are read, then each becomes its type's default in its wire format (JSON keeps null)", () => {
    expect(applyNullPolicyOnRead(table, allNull, 'preserve')).toEqual({
      id: 0,
      text: '',
      count: 0,
      price: '0',
      amount: '0.00',
      flag: false,
      day: '1970-01-01',
      at: '1970-01-01T00:00:00Z',
      clock: '00:00:00',
      doc: null,
      tags: [],
      required: '',
    });
  });

  it("given 'preserve', when the defaults read are written back, then nullable columns get NULL again", () => {
    const read = applyNullPolicyOnRead(table, allNull, 'preserve');
    expect(applyNullPolicyOnWrite(table, read, 'preserve')).toEqual(allNull);
  });

  it("given 'preserve', when real values or other spellings of a default are written, then as expected", () => {
    expect(
      applyNullPolicyOnWrite(
        table,
        { text: 'a', count: 1, price: '0.00', at: '1970-01-01 00:00:00Z', flag: true, required: '' },
        'preserve',
      ),
    ).toEqual({ text: 'a', count: 1, price: null, at: null, flag: true, required: '' });
  });

  it("given 'preserve', when a key or a NOT NULL column holds its default, then it is written as is", () => {
    expect(applyNullPolicyOnWrite(table, { id: 0, required: '', text: '' }, 'preserve')).toEqual({
      id: 0,
      required: '',
      text: null,
    });
  });

  it("given 'preserve', when an explicit null or an absent column is written, then nothing is added", () => {
    expect(applyNullPolicyOnWrite(table, { text: null }, 'preserve')).toEqual({ text: null });
    expect(applyNullPolicyOnWrite(table, { count: 5 }, 'preserve')).toEqual({ count: 5 });
  });

  it('given no policy, then values pass unchanged (the data API always passes one)', () => {
    expect(applyNullPolicyOnRead(table, allNull)).toBe(allNull);
    expect(applyNullPolicyOnWrite(table, { text: '' })).toEqual({ text: '' });
  });

  it("given 'preserve', when a row lacks a column (fields), then it is not added", () => {
    expect(applyNullPolicyOnRead(table, { id: 1 }, 'preserve')).toEqual({ id: 1 });
  });
});
