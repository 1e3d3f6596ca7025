import { ConnectorError, DataConstraintError } from '../spi';
import { mapMssqlError } from './map-mssql-error';

const LABEL = 'db.example.com:1433/Chinook';
const driverError = (fields: Record<string, unknown>, message = 'server says no') =>
  Object.assign(new Error(message), fields);

describe('mapMssqlError', () => {
  it.each([
    [{ code: 'ELOGIN', number: 18456 }, "Login failed for user 'app'.", 'CONNECTOR.AUTH_FAILED', false],
    [{ code: 'ELOGIN' }, 'Login failed.', 'CONNECTOR.AUTH_FAILED', false],
    [
      { code: 'ESOCKET' },
      'Failed to connect to db:1433 - connect ECONNREFUSED',
      'CONNECTOR.UNREACHABLE',
      true,
    ],
    [{ code: 'ECONNREFUSED' }, 'connect ECONNREFUSED 10.0.0.1:1433', 'CONNECTOR.UNREACHABLE', true],
    [{ code: 'EINSTLOOKUP' }, 'Port for SQLEXPRESS not found', 'CONNECTOR.UNREACHABLE', true],
    [{ code: 'ETIMEOUT' }, 'Failed to connect in 15000ms', 'CONNECTOR.TIMEOUT', true],
    [{ name: 'TimeoutError' }, 'operation timed out', 'CONNECTOR.TIMEOUT', true],
    [
      { code: 'ELOGIN', number: 4060 },
      'Cannot open database "Nope" requested by the login.',
      'CONNECTOR.DATABASE_NOT_FOUND',
      false,
    ],
    [
      { code: 'ELOGIN' },
      'Cannot open database "Nope" requested by the login. The login failed.',
      'CONNECTOR.DATABASE_NOT_FOUND',
      false,
    ],
    [
      { code: 'EREQUEST', number: 911 },
      "Database 'Nope' does not exist.",
      'CONNECTOR.DATABASE_NOT_FOUND',
      false,
    ],
    [
      { code: 'EREQUEST', number: 229 },
      'The SELECT permission was denied on the object',
      'CONNECTOR.PERMISSION_DENIED',
      false,
    ],
    [
      { code: 'EREQUEST', number: 230 },
      'The SELECT permission was denied on the column',
      'CONNECTOR.PERMISSION_DENIED',
      false,
    ],
    [
      { code: 'EREQUEST', number: 916 },
      'The server principal "app" is not able to access the database',
      'CONNECTOR.PERMISSION_DENIED',
      false,
    ],
  ])(
    'given driver error %p (%s), when mapped, then it is %p (transient: %p)',
    (fields, message, code, transient) => {
      const mapped = mapMssqlError(driverError(fields, message), LABEL);
      expect(mapped).toBeInstanceOf(ConnectorError);
      expect(mapped).toMatchObject({ code, transient });
      expect((mapped as Error).message).toContain('db.example.com');
    },
  );

  it('given an untrusted certificate, when mapped, then it says so and is not transient', () => {
    const cause = Object.assign(new Error('self-signed certificate'), {
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    const mapped = mapMssqlError(driverError({ code: 'ESOCKET', cause }), LABEL);
    expect(mapped).toMatchObject({ code: 'CONNECTOR.UNREACHABLE', transient: false });
    expect((mapped as Error).message).toMatch(/certificate/);
  });

  it('given a server message carrying the password, when mapped, then the message is the connector own', () => {
    const mapped = mapMssqlError(driverError({ code: 'ELOGIN' }, 'Login failed for sa with s3cr3t!'), LABEL);
    expect((mapped as Error).message).not.toContain('s3cr3t!');
    expect((mapped as Error).message).not.toContain('sa ');
  });

  it('given an SQL error the user cannot act on or a non-driver value, when mapped, then it is unchanged', () => {
    const syntax = driverError({ code: 'EREQUEST', number: 102 }, "Incorrect syntax near 'x'.");
    const connectorError = new ConnectorError('CONNECTOR.TABLE_NOT_FOUND', 'x');
    expect(mapMssqlError(syntax, LABEL)).toBe(syntax);
    expect(mapMssqlError(connectorError, LABEL)).toBe(connectorError);
    expect(mapMssqlError(undefined, LABEL)).toBeUndefined();
  });

  /** A value of the row, as SQL Server quotes it in a duplicate key's message. */
  const VALUE = 'ada.secret@example.com';
  /** tedious's RequestError for an error message of the server: number, state and class as sent. */
  const requestError = (number: number, message: string) =>
    driverError(
      { code: 'EREQUEST', number, state: 1, class: 14, serverName: 'sql1', procName: '', lineNumber: 1 },
      message,
    );

  it.each([
    [
      'a duplicate primary key',
      requestError(
        2627,
        `Violation of PRIMARY KEY constraint 'PK_Customer'. Cannot insert duplicate key in object 'dbo.Customer'. The duplicate key value is (${VALUE}).`,
      ),
      'DATA.DUPLICATE_KEY',
      { constraint: 'PK_Customer' },
    ],
    [
      'a duplicate unique constraint',
      requestError(
        2627,
        `Violation of UNIQUE KEY constraint 'UQ_Customer_Email'. Cannot insert duplicate key in object 'dbo.Customer'. The duplicate key value is (${VALUE}).`,
      ),
      'DATA.DUPLICATE_KEY',
      { constraint: 'UQ_Customer_Email' },
    ],
    [
      'a duplicate in a unique index',
      requestError(
        2601,
        `Cannot insert duplicate key row in object 'dbo.Customer' with unique index 'IX_Customer_Email'. The duplicate key value is (${VALUE}).`,
      ),
      'DATA.DUPLICATE_KEY',
      { constraint: 'IX_Customer_Email' },
    ],
    [
      'a foreign key on insert',
      requestError(
        547,
        'The INSERT statement conflicted with the FOREIGN KEY constraint "FK_TrackAlbumId". The conflict occurred in database "Chinook", table "dbo.Album", column \'AlbumId\'.',
      ),
      'DATA.FOREIGN_KEY_VIOLATION',
      { constraint: 'FK_TrackAlbumId' },
    ],
    [
      'a foreign key on update',
      requestError(
        547,
        'The UPDATE statement conflicted with the FOREIGN KEY constraint "FK_TrackAlbumId". The conflict occurred in database "Chinook", table "dbo.Album", column \'AlbumId\'.',
      ),
      'DATA.FOREIGN_KEY_VIOLATION',
      { constraint: 'FK_TrackAlbumId' },
    ],
    [
      'a delete of a row still referred to',
      requestError(
        547,
        'The DELETE statement conflicted with the REFERENCE constraint "FK_TrackAlbumId". The conflict occurred in database "Chinook", table "dbo.Track", column \'AlbumId\'.',
      ),
      'DATA.ROW_REFERENCED',
      { constraint: 'FK_TrackAlbumId', referencingTable: 'dbo.Track' },
    ],
    [
      'a delete of a row its own table still refers to',
      requestError(
        547,
        'The DELETE statement conflicted with the SAME TABLE REFERENCE constraint "FK_EmployeeReportsTo". The conflict occurred in database "Chinook", table "dbo.Employee", column \'ReportsTo\'.',
      ),
      'DATA.ROW_REFERENCED',
      { constraint: 'FK_EmployeeReportsTo', referencingTable: 'dbo.Employee' },
    ],
    [
      'a check constraint',
      requestError(
        547,
        'The INSERT statement conflicted with the CHECK constraint "CK_InvoiceLine_Quantity". The conflict occurred in database "Chinook", table "dbo.InvoiceLine", column \'Quantity\'.',
      ),
      'DATA.CHECK_VIOLATION',
      { constraint: 'CK_InvoiceLine_Quantity', fields: ['Quantity'] },
    ],
    [
      'a table-level check constraint (no column)',
      requestError(
        547,
        'The UPDATE statement conflicted with the CHECK constraint "CK_Period". The conflict occurred in database "Shop", table "dbo.Promotion".',
      ),
      'DATA.CHECK_VIOLATION',
      { constraint: 'CK_Period' },
    ],
    [
      'a NULL in a NOT NULL column',
      requestError(
        515,
        "Cannot insert the value NULL into column 'Name', table 'Chinook.dbo.Artist'; column does not allow nulls. INSERT fails.",
      ),
      'DATA.NOT_NULL_VIOLATION',
      { fields: ['Name'] },
    ],
    [
      'a violation among several errors of one batch',
      new AggregateError([
        requestError(
          2627,
          `Violation of PRIMARY KEY constraint 'PK_Customer'. Cannot insert duplicate key in object 'dbo.Customer'. The duplicate key value is (${VALUE}).`,
        ),
        requestError(3621, 'The statement has been terminated.'),
      ]),
      'DATA.DUPLICATE_KEY',
      { constraint: 'PK_Customer' },
    ],
  ])(
    'given %s, when mapped, then it is a constraint violation naming it, without the row values',
    (_, error, code, details) => {
      const mapped = mapMssqlError(error, LABEL);
      expect(mapped).toBeInstanceOf(DataConstraintError);
      expect(mapped).toMatchObject({ code, details });
      expect((mapped as Error).message).not.toContain(VALUE);
    },
  );
});
