import { ConnectorError } from '../spi';
import { isConnectionLost, mapMysqlError } from './map-mysql-error';

const PASSWORD = 's3cr3t-Pa55';
/** mysql2's error shape: the server's symbolic name or a Node/driver code in `code`. */
const driverError = (code: string, message = `boom with ${PASSWORD} and mysql://u:${PASSWORD}@h`) =>
  Object.assign(new Error(message), { code, errno: 1045, fatal: true });

describe('mapMysqlError', () => {
  it.each([
    ['ER_ACCESS_DENIED_ERROR', 'CONNECTOR.AUTH_FAILED', false],
    ['ECONNREFUSED', 'CONNECTOR.UNREACHABLE', true],
    ['ENOTFOUND', 'CONNECTOR.UNREACHABLE', true],
    ['EHOSTUNREACH', 'CONNECTOR.UNREACHABLE', true],
    ['ETIMEDOUT', 'CONNECTOR.TIMEOUT', true],
    ['PROTOCOL_SEQUENCE_TIMEOUT', 'CONNECTOR.TIMEOUT', true],
    ['ER_STATEMENT_TIMEOUT', 'CONNECTOR.TIMEOUT', true],
    ['ER_BAD_DB_ERROR', 'CONNECTOR.DATABASE_NOT_FOUND', false],
    ['ER_NO_SUCH_TABLE', 'CONNECTOR.TABLE_NOT_FOUND', false],
    ['ER_TABLEACCESS_DENIED_ERROR', 'CONNECTOR.PERMISSION_DENIED', false],
    ['ER_DBACCESS_DENIED_ERROR', 'CONNECTOR.PERMISSION_DENIED', false],
    ['PROTOCOL_CONNECTION_LOST', 'CONNECTOR.UNREACHABLE', true],
    ['ECONNRESET', 'CONNECTOR.UNREACHABLE', true],
    ['HANDSHAKE_NO_SSL_SUPPORT', 'CONNECTOR.UNREACHABLE', false],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'CONNECTOR.UNREACHABLE', false],
  ])(
    'given driver code %p, when mapped, then it is %p (transient: %p), naming the server but no secret',
    (code, expected, transient) => {
      const mapped = mapMysqlError(driverError(code), 'db.example:3306');
      expect(mapped).toBeInstanceOf(ConnectorError);
      expect(mapped).toMatchObject({ code: expected, transient });
      const { message } = mapped as Error;
      expect(message).toContain('db.example:3306');
      expect(message).not.toContain(PASSWORD);
      expect(message).not.toContain('mysql://');
    },
  );

  it('given an SQL error the user cannot act on, when mapped, then it is returned unchanged', () => {
    const error = driverError('ER_DUP_ENTRY', "Duplicate entry '1' for key 'PRIMARY'");
    expect(mapMysqlError(error, 'h:1')).toBe(error);
  });

  it('given a ConnectorError or a non-driver error, when mapped, then it is returned unchanged', () => {
    const connectorError = new ConnectorError('CONNECTOR.TABLE_NOT_FOUND', 'x');
    const plain = new TypeError('bug');
    expect(mapMysqlError(connectorError, 'h:1')).toBe(connectorError);
    expect(mapMysqlError(plain, 'h:1')).toBe(plain);
    expect(mapMysqlError(undefined, 'h:1')).toBeUndefined();
  });

  it('given a lost or reset connection, when checked, then it may be retried; a refusal may not', () => {
    expect(isConnectionLost(driverError('PROTOCOL_CONNECTION_LOST'))).toBe(true);
    expect(isConnectionLost(driverError('ECONNRESET'))).toBe(true);
    expect(isConnectionLost(driverError('ER_ACCESS_DENIED_ERROR'))).toBe(false);
  });
});
