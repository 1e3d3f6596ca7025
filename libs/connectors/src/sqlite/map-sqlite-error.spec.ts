import { ConnectorError } from '../spi';
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
});
