import { ConnectorError, DataConstraintError } from '../spi';
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
    const error = Object.assign(new Error("You have an error in your SQL syntax near 'x'"), {
      code: 'ER_PARSE_ERROR',
      errno: 1064,
      sqlState: '42000',
    });
    expect(mapMysqlError(error, 'h:1')).toBe(error);
  });

  /** mysql2's errors as MariaDB 10.11 and MySQL 8 sent them; the secret is a row value. */
  const VALUE = 'ada.secret@example.com';
  const serverError = (code: string, errno: number, sqlState: string, message: string) =>
    Object.assign(new Error(message), { code, errno, sqlState, sqlMessage: message, fatal: false });

  it.each([
    [
      'a duplicate primary key (MariaDB)',
      serverError('ER_DUP_ENTRY', 1062, '23000', `Duplicate entry '${VALUE}' for key 'PRIMARY'`),
      'DATA.DUPLICATE_KEY',
      { constraint: 'PRIMARY' },
    ],
    [
      'a duplicate unique key (MySQL 8 names it table.key)',
      serverError('ER_DUP_ENTRY', 1062, '23000', `Duplicate entry '${VALUE}' for key 'customer.email'`),
      'DATA.DUPLICATE_KEY',
      { constraint: 'email' },
    ],
    [
      'a duplicate whose value looks like a key name',
      serverError('ER_DUP_ENTRY', 1062, '23000', `Duplicate entry '${VALUE}' for key 'x' for key 'uq_email'`),
      'DATA.DUPLICATE_KEY',
      { constraint: 'uq_email' },
    ],
    [
      'a foreign key that refers to nothing',
      serverError(
        'ER_NO_REFERENCED_ROW_2',
        1452,
        '23000',
        'Cannot add or update a child row: a foreign key constraint fails (`Chinook`.`Track`, CONSTRAINT ' +
          '`FK_TrackAlbumId` FOREIGN KEY (`AlbumId`) REFERENCES `Album` (`AlbumId`) ON DELETE NO ACTION ON UPDATE NO ACTION)',
      ),
      'DATA.FOREIGN_KEY_VIOLATION',
      { constraint: 'FK_TrackAlbumId', fields: ['AlbumId'] },
    ],
    [
      'a composite foreign key that refers to nothing',
      serverError(
        'ER_NO_REFERENCED_ROW_2',
        1452,
        '23000',
        'Cannot add or update a child row: a foreign key constraint fails (`db`.`line`, CONSTRAINT ' +
          '`fk_line_order` FOREIGN KEY (`order_id`, `shop``id`) REFERENCES `order` (`id`, `shop`))',
      ),
      'DATA.FOREIGN_KEY_VIOLATION',
      { constraint: 'fk_line_order', fields: ['order_id', 'shop`id'] },
    ],
    [
      'a foreign key of an old server, without details',
      serverError(
        'ER_NO_REFERENCED_ROW',
        1216,
        '23000',
        'Cannot add or update a child row: a foreign key constraint fails',
      ),
      'DATA.FOREIGN_KEY_VIOLATION',
      {},
    ],
    [
      'a delete of a row still referred to',
      serverError(
        'ER_ROW_IS_REFERENCED_2',
        1451,
        '23000',
        'Cannot delete or update a parent row: a foreign key constraint fails (`Chinook`.`Track`, CONSTRAINT ' +
          '`FK_TrackAlbumId` FOREIGN KEY (`AlbumId`) REFERENCES `Album` (`AlbumId`) ON DELETE NO ACTION ON UPDATE NO ACTION)',
      ),
      'DATA.ROW_REFERENCED',
      { constraint: 'FK_TrackAlbumId', referencingTable: 'Track' },
    ],
    [
      'a delete of a row still referred to, on an old server',
      serverError(
        'ER_ROW_IS_REFERENCED',
        1217,
        '23000',
        'Cannot delete or update a parent row: a foreign key constraint fails',
      ),
      'DATA.ROW_REFERENCED',
      {},
    ],
    [
      "MySQL's check constraint",
      serverError(
        'ER_CHECK_CONSTRAINT_VIOLATED',
        3819,
        'HY000',
        "Check constraint 'quantity_positive' is violated.",
      ),
      'DATA.CHECK_VIOLATION',
      { constraint: 'quantity_positive' },
    ],
    [
      "MariaDB's check constraint (mysql2 names its number after an unrelated MySQL error)",
      serverError(
        'ER_INNODB_AUTOEXTEND_SIZE_OUT_OF_RANGE',
        4025,
        '23000',
        'CONSTRAINT `n_small` failed for `shop`.`p`',
      ),
      'DATA.CHECK_VIOLATION',
      { constraint: 'n_small' },
    ],
    [
      'a NULL for a NOT NULL column',
      serverError('ER_BAD_NULL_ERROR', 1048, '23000', "Column 'Name' cannot be null"),
      'DATA.NOT_NULL_VIOLATION',
      { fields: ['Name'] },
    ],
    [
      'a NOT NULL column without default left out (strict mode)',
      serverError('ER_NO_DEFAULT_FOR_FIELD', 1364, 'HY000', "Field 'Name' doesn't have a default value"),
      'DATA.NOT_NULL_VIOLATION',
      { fields: ['Name'] },
    ],
    [
      'another integrity constraint violation (SQLSTATE class 23)',
      serverError('ER_SOMETHING_NEW', 9999, '23000', `Refused ${VALUE}`),
      'DATA.CONSTRAINT_VIOLATION',
      {},
    ],
  ])(
    'given %s, when mapped, then it is a constraint violation naming it, without the row values',
    (_, error, code, details) => {
      const mapped = mapMysqlError(error, 'db.example:3306');
      expect(mapped).toBeInstanceOf(DataConstraintError);
      expect(mapped).toMatchObject({ code, details });
      expect((mapped as Error).message).not.toContain(VALUE);
    },
  );

  it("given MySQL's error 4025 (not a constraint there), when mapped, then it is not a constraint violation", () => {
    const error = serverError(
      'ER_INNODB_AUTOEXTEND_SIZE_OUT_OF_RANGE',
      4025,
      'HY000',
      'AUTOEXTEND_SIZE value should be between 4M and 4096M',
    );
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
