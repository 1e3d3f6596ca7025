import { ConnectorError, DataConstraintError } from '../spi';
import { mapSqliteError } from './map-sqlite-error';

const sqliteError = (errcode: number, message = 'sqlite says no') =>
  Object.assign(new Error(message), { code: 'ERR_SQLITE_ERROR', errcode });

describe('mapSqliteError', () => {
  it.each([
    [5, 'CONNECTOR.TIMEOUT', true, 'SQLITE_BUSY'],
    [517, 'CONNECTOR.TIMEOUT', true, 'SQLITE_BUSY_SNAPSHOT (extended)'],
    [6, 'CONNECTOR.TIMEOUT', true, 'SQLITE_LOCKED'],
    [14, 'CONNECTOR.DATABASE_NOT_FOUND', false, 'SQLITE_CANTOPEN'],
    [26, 'CONNECTOR.DATABASE_NOT_FOUND', false, 'SQLITE_NOTADB'],
    [3, 'CONNECTOR.PERMISSION_DENIED', false, 'SQLITE_PERM'],
    [8, 'CONNECTOR.PERMISSION_DENIED', false, 'SQLITE_READONLY'],
    [266, 'CONNECTOR.UNREACHABLE', true, 'SQLITE_IOERR_READ (extended)'],
  ])(
    'given driver error code %p, when mapped, then it is %p (transient: %p) [%s]',
    (errcode, code, transient) => {
      const mapped = mapSqliteError(sqliteError(errcode), 'shop.sqlite');
      expect(mapped).toBeInstanceOf(ConnectorError);
      expect(mapped).toMatchObject({ code, transient });
      expect((mapped as Error).message).toContain('shop.sqlite');
    },
  );

  it('given an SQL error the user cannot act on, when mapped, then it is returned unchanged', () => {
    const error = sqliteError(1, 'no such table: main.gone');
    expect(mapSqliteError(error, 'shop.sqlite')).toBe(error);
  });

  it('given a ConnectorError or a non-driver error, when mapped, then it is returned unchanged', () => {
    const connectorError = new ConnectorError('CONNECTOR.TABLE_NOT_FOUND', 'x');
    const plain = new TypeError('bug');
    expect(mapSqliteError(connectorError, 'a')).toBe(connectorError);
    expect(mapSqliteError(plain, 'a')).toBe(plain);
    expect(mapSqliteError(undefined, 'a')).toBeUndefined();
  });

  /** node:sqlite's errors as SQLite 3.4x reported them (extended result codes). */
  it.each([
    [
      'a duplicate primary key',
      1555,
      'UNIQUE constraint failed: customers.customer_id',
      undefined,
      'DATA.DUPLICATE_KEY',
      { fields: ['customer_id'] },
    ],
    [
      'a duplicate unique column',
      2067,
      'UNIQUE constraint failed: customers.email',
      'update',
      'DATA.DUPLICATE_KEY',
      { fields: ['email'] },
    ],
    [
      'a duplicate composite key',
      1555,
      'UNIQUE constraint failed: order_items.order_id, order_items.line_number',
      'insert',
      'DATA.DUPLICATE_KEY',
      { fields: ['order_id', 'line_number'] },
    ],
    [
      'a duplicate rowid',
      2579,
      'UNIQUE constraint failed: t.rowid',
      'insert',
      'DATA.DUPLICATE_KEY',
      { fields: ['rowid'] },
    ],
    [
      'a foreign key on insert',
      787,
      'FOREIGN KEY constraint failed',
      'insert',
      'DATA.FOREIGN_KEY_VIOLATION',
      {},
    ],
    [
      'a foreign key on update',
      787,
      'FOREIGN KEY constraint failed',
      'update',
      'DATA.FOREIGN_KEY_VIOLATION',
      {},
    ],
    [
      'a delete of a row still referred to',
      787,
      'FOREIGN KEY constraint failed',
      'delete',
      'DATA.ROW_REFERENCED',
      {},
    ],
    [
      'a check by expression',
      275,
      'CHECK constraint failed: quantity > 0',
      'insert',
      'DATA.CHECK_VIOLATION',
      { constraint: 'quantity > 0' },
    ],
    [
      'a named check',
      275,
      'CHECK constraint failed: n_small',
      'update',
      'DATA.CHECK_VIOLATION',
      { constraint: 'n_small' },
    ],
    [
      'a NULL in a NOT NULL column',
      1299,
      'NOT NULL constraint failed: customers.email',
      'insert',
      'DATA.NOT_NULL_VIOLATION',
      { fields: ['email'] },
    ],
    ['a trigger that aborts', 1811, 'not in stock', 'insert', 'DATA.CONSTRAINT_VIOLATION', {}],
  ] as const)(
    'given %s, when mapped, then it is a constraint violation naming it',
    (_, errcode, message, write, code, details) => {
      const mapped = mapSqliteError(sqliteError(errcode, message), 'shop.sqlite', write);
      expect(mapped).toBeInstanceOf(DataConstraintError);
      expect(mapped).toMatchObject({ code, details });
    },
  );
});
