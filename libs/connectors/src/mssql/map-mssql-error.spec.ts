import { ConnectorError } from '../spi';
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
});
