import { ConnectorError, DataConstraintError } from '../spi';
import { mapOracleError } from './map-oracle-error';
import { njsError, oracleError } from './oracle-fake-driver';

const LABEL = 'db.example.com:1521/FREEPDB1';
const mapped = (error: unknown) => mapOracleError(error, LABEL);

describe('mapOracleError: connector faults', () => {
  it.each([
    [
      'ORA-01017',
      oracleError(1017, 'invalid credential or not authorized; logon denied'),
      'CONNECTOR.AUTH_FAILED',
      false,
    ],
    ['ORA-28000', oracleError(28000, 'The account is locked.'), 'CONNECTOR.AUTH_FAILED', false],
    ['ORA-01031', oracleError(1031, 'insufficient privileges'), 'CONNECTOR.PERMISSION_DENIED', false],
    [
      'ORA-00942',
      oracleError(942, 'table or view "HR"."NOPE" does not exist'),
      'CONNECTOR.TABLE_NOT_FOUND',
      false,
    ],
    [
      'ORA-12541',
      oracleError(12541, 'Cannot connect. No listener at host db port 1521.'),
      'CONNECTOR.UNREACHABLE',
      true,
    ],
    [
      'ORA-12514',
      oracleError(12514, 'Cannot connect to database. Service X is not registered'),
      'CONNECTOR.UNREACHABLE',
      true,
    ],
    [
      'NJS-518 (thin: unknown service)',
      njsError('NJS-518', 'cannot connect to Oracle Database. Service "X"'),
      'CONNECTOR.UNREACHABLE',
      true,
    ],
    [
      'NJS-511 (thin: refused)',
      njsError('NJS-511', 'connection to listener at host h port 1521 was refused'),
      'CONNECTOR.UNREACHABLE',
      true,
    ],
    [
      'NJS-503 caused by ECONNREFUSED',
      Object.assign(njsError('NJS-503', 'connection to host h port 1521 could not be established.'), {
        cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1521'), { code: 'ECONNREFUSED' }),
      }),
      'CONNECTOR.UNREACHABLE',
      true,
    ],
    [
      'ECONNREFUSED',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      'CONNECTOR.UNREACHABLE',
      true,
    ],
    [
      'NJS-530 (unresolvable host)',
      njsError(
        'NJS-530',
        'The host addresses or URLs provided by the connect string are incorrect or unresolvable',
      ),
      'CONNECTOR.UNREACHABLE',
      true,
    ],
    [
      'NJS-515 (bad connect string)',
      njsError('NJS-515', 'error in Easy Connect connection string'),
      'CONNECTOR.INVALID_OPTIONS',
      false,
    ],
    [
      'NJS-510 (connect timeout)',
      njsError('NJS-510', 'connection to host h port 1521 timed out'),
      'CONNECTOR.TIMEOUT',
      true,
    ],
    [
      'NJS-123 (call timeout)',
      njsError('NJS-123', 'call timeout of 30000 ms exceeded'),
      'CONNECTOR.TIMEOUT',
      true,
    ],
    ['NJS-506 (TLS handshake)', njsError('NJS-506', 'TLS handshake failure'), 'CONNECTOR.UNREACHABLE', false],
  ])(
    'given %s, when mapped, then it is %s (transient: %s) naming the database, never the driver text',
    (_, error, code, transient) => {
      const result = mapped(error);
      expect(result).toBeInstanceOf(ConnectorError);
      expect(result).toMatchObject({ code, transient });
      expect((result as Error).message).toContain(LABEL);
      expect((result as Error).message).not.toMatch(/ORA-|NJS-|HR/);
    },
  );

  it.each([
    [oracleError(54013, 'INSERT operation disallowed on virtual columns')],
    [oracleError(32795, 'cannot insert into a generated always identity column')],
  ])(
    'given a write to a computed column (%s), when mapped, then it is a constraint refusal, not a fault',
    (error) => {
      expect(mapped(error)).toMatchObject({ code: 'DATA.CONSTRAINT_VIOLATION' });
    },
  );

  it('given an SQL error that is a bug, when mapped, then it is returned unchanged', () => {
    const error = oracleError(904, '"NOPE": invalid identifier');
    expect(mapped(error)).toBe(error);
  });
});

describe('mapOracleError: constraint violations', () => {
  it.each([
    [
      'ORA-00001 (before 23ai)',
      oracleError(1, 'unique constraint (HR.EMP_EMAIL_UK) violated'),
      'DATA.DUPLICATE_KEY',
      { constraint: 'EMP_EMAIL_UK' },
    ],
    [
      'ORA-00001 (23ai, with its columns)',
      oracleError(
        1,
        'unique constraint (HR.JHIST_PK) violated on table HR.JOB_HISTORY columns (EMPLOYEE_ID, START_DATE)',
      ),
      'DATA.DUPLICATE_KEY',
      { constraint: 'JHIST_PK', fields: ['EMPLOYEE_ID', 'START_DATE'] },
    ],
    [
      'ORA-02291',
      oracleError(2291, 'integrity constraint (HR.EMP_DEPT_FK) violated - parent key not found'),
      'DATA.FOREIGN_KEY_VIOLATION',
      { constraint: 'EMP_DEPT_FK' },
    ],
    [
      'ORA-02292',
      oracleError(2292, 'integrity constraint (HR.EMP_DEPT_FK) violated - child record found'),
      'DATA.ROW_REFERENCED',
      { constraint: 'EMP_DEPT_FK' },
    ],
    [
      'ORA-02290',
      oracleError(2290, 'check constraint (HR.EMP_SALARY_MIN) violated'),
      'DATA.CHECK_VIOLATION',
      { constraint: 'EMP_SALARY_MIN' },
    ],
    [
      'ORA-01400',
      oracleError(1400, 'cannot insert NULL into ("HR"."EMPLOYEES"."LAST_NAME")'),
      'DATA.NOT_NULL_VIOLATION',
      { fields: ['LAST_NAME'] },
    ],
    [
      'ORA-01407',
      oracleError(1407, 'cannot update ("HR"."EMPLOYEES"."Odd Name") to NULL'),
      'DATA.NOT_NULL_VIOLATION',
      { fields: ['Odd Name'] },
    ],
  ])('given %s, when mapped, then it is %s with the schema names only', (_, error, code, details) => {
    const result = mapped(error);
    expect(result).toBeInstanceOf(DataConstraintError);
    expect(result).toMatchObject({ code, details });
    expect((result as Error).message).not.toContain('ORA-');
  });
});
