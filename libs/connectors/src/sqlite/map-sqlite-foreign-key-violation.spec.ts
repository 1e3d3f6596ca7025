import { DataConstraintError } from '../spi';
import { nameForeignKeyViolation } from './map-sqlite-foreign-key-violation';

const key = (id: number, columnName: string, referencedTable: string) => ({
  tableName: 'order_items',
  id,
  seq: 0,
  referencedTable,
  columnName,
  referencedColumn: `${referencedTable}_id`,
});
const ORDER_ITEM_KEYS = [key(1, 'order_id', 'orders'), key(0, 'product_id', 'products')];

describe('nameForeignKeyViolation', () => {
  it('given a written row that refers to nothing, when named, then it names the foreign key columns written', () => {
    const named = nameForeignKeyViolation(
      new DataConstraintError('DATA.FOREIGN_KEY_VIOLATION'),
      ['product_id', 'quantity'],
      ORDER_ITEM_KEYS,
      [],
    );
    expect(named).toMatchObject({ code: 'DATA.FOREIGN_KEY_VIOLATION', details: { fields: ['product_id'] } });
    expect(named.fieldErrors).toEqual([{ field: 'product_id', message: expect.any(String) }]);
  });

  it('given a deleted row still referred to, when named, then it names the referring tables', () => {
    const named = nameForeignKeyViolation(
      new DataConstraintError('DATA.ROW_REFERENCED'),
      [],
      [],
      [{ tableName: 'order_items' }, { tableName: 'reviews' }],
    );
    expect(named).toMatchObject({
      code: 'DATA.ROW_REFERENCED',
      details: { referencingTable: 'order_items, reviews' },
    });
    expect(named.message).toContain('order_items, reviews');
  });

  it('given nothing the catalog can name, when named, then the violation stays as it was', () => {
    const violation = new DataConstraintError('DATA.FOREIGN_KEY_VIOLATION');
    expect(nameForeignKeyViolation(violation, ['quantity'], ORDER_ITEM_KEYS, [])).toBe(violation);
    const referenced = new DataConstraintError('DATA.ROW_REFERENCED');
    expect(nameForeignKeyViolation(referenced, [], [], [])).toBe(referenced);
    const duplicate = new DataConstraintError('DATA.DUPLICATE_KEY', { fields: ['email'] });
    expect(nameForeignKeyViolation(duplicate, ['order_id'], ORDER_ITEM_KEYS, [])).toBe(duplicate);
  });
});
