import { ConnectorError, DataConstraintError, DataValidationError } from '../spi';
import { mapOracleTables, resolveOracleTables } from './map-oracle-tables';
import { createOracleConnector } from './oracle-connector';
import { FakeOracleServer, njsError, oracleError } from './oracle-fake-driver';
import { COLUMN_ROWS, CONSTRAINT_ROWS, INDEX_ROWS, TABLE_ROWS } from './oracle-recorded-catalog';

const OPTIONS = { host: 'db.example.com', serviceName: 'FREEPDB1', user: 'hr', password: 's3cr3t!' };

function given(server: FakeOracleServer, poolSize = 2) {
  return createOracleConnector({ ...OPTIONS, poolSize }, () => server.factory);
}

const catalogServer = (tables = TABLE_ROWS) =>
  new FakeOracleServer()
    .answer(/FROM DUAL/, [{ ok: '1' }])
    .answer(/COUNT\(\*\) AS "found" FROM ALL_USERS/, [{ found: '1' }])
    .answer(/FROM ALL_USERS u/, [{ name: 'HR' }, { name: 'SALES' }])
    .answer(/FROM ALL_TABLES t/, tables)
    .answer(/FROM ALL_TAB_COLS c/, COLUMN_ROWS)
    .answer(/FROM ALL_CONSTRAINTS c/, CONSTRAINT_ROWS)
    .answer(/FROM ALL_INDEXES i/, INDEX_ROWS);

const [DEPARTMENTS, EMPLOYEES, JOB_HISTORY, AUDIT_EVENTS, VIEW] = mapOracleTables(
  'HR',
  resolveOracleTables(
    ['DEPARTMENTS', 'EMPLOYEES', 'JOB_HISTORY', 'AUDIT_EVENTS', 'EMP_DETAILS_VIEW'],
    TABLE_ROWS,
  ),
  { columns: COLUMN_ROWS, constraints: CONSTRAINT_ROWS, indexes: INDEX_ROWS },
);

describe('createOracleConnector: introspection', () => {
  it('given a database, when tested, then it reports the handshake version and a latency', async () => {
    const connector = given(catalogServer());
    await expect(connector.testConnection()).resolves.toEqual({
      ok: true,
      serverVersion: 'Oracle Database 23.5.0.24.7',
      latencyMs: expect.any(Number),
    });
    expect(connector.provider).toBe('oracle');
    await connector.close();
  });

  it('given schemas, when listed as databases, then the catalog query puts the login own schema first and leaves out Oracle own', async () => {
    const server = catalogServer();
    const connector = given(server);
    await expect(connector.listDatabases()).resolves.toEqual(['HR', 'SALES']);
    expect(server.statements[0].sql).toContain("u.ORACLE_MAINTAINED = 'N'");
    expect(server.statements[0].sql).toContain(
      'ORDER BY CASE WHEN u.USERNAME = USER THEN 0 ELSE 1 END, u.USERNAME',
    );
    await connector.close();
  });

  it('given many tables, when described, then it takes five set-based queries with the owner and the names bound', async () => {
    const server = catalogServer();
    const connector = given(server);
    const tables = await connector.describe('HR', ['EMPLOYEES', 'JOB_HISTORY', 'DEPARTMENTS']);
    expect(tables.map((table) => table.name)).toEqual(['EMPLOYEES', 'JOB_HISTORY', 'DEPARTMENTS']);
    expect(server.statements).toHaveLength(5);
    expect(server.statements[0].binds).toEqual({ owner: 'HR' });
    expect(server.statements[2].sql).toContain(`INSTR(:tables, '"' || c.TABLE_NAME || '"') > 0`);
    for (const statement of server.statements.slice(2)) {
      expect(statement.binds).toEqual({ owner: 'HR', tables: '"EMPLOYEES"JOB_HISTORY"DEPARTMENTS"' });
    }
    await connector.close();
  });

  it('given more table names than one bind holds, when described, then the schema is read whole in the same five queries', async () => {
    const many = Array.from({ length: 400 }, (_, i) => `TABLE_NUMBER_${i}`);
    const server = catalogServer([
      ...TABLE_ROWS,
      ...many.map((tableName) => ({ tableName, objectType: 'TABLE', rowEstimate: null, comment: null })),
    ]);
    const connector = given(server);
    const tables = await connector.describe('HR', ['EMPLOYEES', ...many]);
    expect(tables).toHaveLength(401);
    expect(tables[0].columns).toHaveLength(17);
    expect(server.statements).toHaveLength(5);
    expect(server.statements[2].sql).not.toContain('INSTR');
    expect(server.statements[2].binds).toEqual({ owner: 'HR' });
    await connector.close();
  });

  it('given an unknown schema, when listing tables, then it is DATABASE_NOT_FOUND', async () => {
    const server = new FakeOracleServer().answer(/FROM ALL_USERS WHERE USERNAME = :owner/, [{ found: '0' }]);
    const connector = given(server);
    await expect(connector.listTables('NOPE')).rejects.toMatchObject({
      code: 'CONNECTOR.DATABASE_NOT_FOUND',
    });
    await connector.close();
  });
});

describe('createOracleConnector: errors', () => {
  it('given ORA-01017, when connecting, then it is AUTH_FAILED without the password', async () => {
    const server = new FakeOracleServer();
    server.connectError = oracleError(1017, 'invalid credential or not authorized; logon denied');
    const connector = given(server);
    const error = await connector.testConnection().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'CONNECTOR.AUTH_FAILED', transient: false });
    expect((error as Error).message).toBe(
      'Login to db.example.com:1521/FREEPDB1 failed: check the user name and password',
    );
    await connector.close();
  });

  it('given a broken connection mid-call, when called again, then it is transient UNREACHABLE and the connection is replaced', async () => {
    const server = new FakeOracleServer().answer(
      /FROM DUAL/,
      njsError('NJS-500', 'connection to Oracle Database was closed or broken'),
    );
    const connector = given(server, 1);
    await expect(connector.testConnection()).rejects.toMatchObject({
      code: 'CONNECTOR.UNREACHABLE',
      transient: true,
    });
    await expect(connector.testConnection()).rejects.toMatchObject({ code: 'CONNECTOR.UNREACHABLE' });
    expect(server.connectionsOpened).toBe(2);
    await connector.close();
  });

  it('given a duplicate email, when inserted, then it is DUPLICATE_KEY naming the constraint, not the value', async () => {
    const server = new FakeOracleServer().answer(
      /^INSERT/,
      oracleError(1, 'unique constraint (HR.EMP_EMAIL_UK) violated on table HR.EMPLOYEES columns (EMAIL)'),
    );
    const connector = given(server);
    const error = await connector
      .data!.insert(EMPLOYEES, { LAST_NAME: 'King', EMAIL: 'SKING', HIRE_DATE: '2024-05-01T00:00:00Z' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataConstraintError);
    expect(error).toMatchObject({
      code: 'DATA.DUPLICATE_KEY',
      details: { constraint: 'EMP_EMAIL_UK', fields: ['EMAIL'] },
    });
    expect((error as Error).message).not.toContain('SKING');
    await connector.close();
  });

  it('given a closed connector, when called, then it refuses', async () => {
    const connector = given(catalogServer());
    await connector.close();
    await expect(connector.listDatabases()).rejects.toMatchObject({ code: 'CONNECTOR.UNREACHABLE' });
  });
});

describe('createOracleConnector: data access', () => {
  const open = (server: FakeOracleServer) => {
    const connector = given(server);
    return { connector, data: connector.data! };
  };

  it('given a page of EMPLOYEES, when found, then it orders by the key, pages with bound OFFSET/FETCH FIRST and reads dates as UTC text', async () => {
    const server = new FakeOracleServer()
      .answer(/^SELECT "EMPLOYEE_ID"/, [
        {
          EMPLOYEE_ID: '100',
          LAST_NAME: 'King',
          HIRE_DATE: '2003-06-17 00:00:00',
          SALARY: '24000',
          UPDATED_AT: '2024-05-01 08:00:00.123456000',
          LOGIN_COUNT: '12345678901234567890',
        },
      ])
      .answer(/COUNT\(\*\)/, [{ total: '3' }]);
    const { connector, data } = open(server);
    const result = await data.find(EMPLOYEES, {
      fields: ['EMPLOYEE_ID', 'LAST_NAME', 'HIRE_DATE', 'SALARY', 'UPDATED_AT', 'LOGIN_COUNT'],
      filters: [
        { field: 'LAST_NAME', op: 'startsWith', value: 'K_%\\' },
        { field: 'DEPARTMENT_ID', op: 'in', value: [90, 100] },
        { field: 'HIRE_DATE', op: 'gte', value: '2003-06-17T02:00:00+02:00' },
      ],
      offset: 20,
      limit: 10,
      count: true,
    });
    expect(result).toEqual({
      rows: [
        {
          EMPLOYEE_ID: 100,
          LAST_NAME: 'King',
          HIRE_DATE: '2003-06-17T00:00:00Z',
          SALARY: '24000.00',
          UPDATED_AT: '2024-05-01T08:00:00.123456Z',
          LOGIN_COUNT: '12345678901234567890',
        },
      ],
      total: 3,
    });
    expect(server.statements[0].sql).toBe(
      `SELECT "EMPLOYEE_ID", "LAST_NAME", TO_CHAR("HIRE_DATE", 'YYYY-MM-DD HH24:MI:SS') AS "HIRE_DATE", "SALARY", ` +
        `TO_CHAR(SYS_EXTRACT_UTC("UPDATED_AT"), 'YYYY-MM-DD HH24:MI:SS.FF9') AS "UPDATED_AT", "LOGIN_COUNT" ` +
        `FROM "HR"."EMPLOYEES" WHERE "LAST_NAME" LIKE :1 ESCAPE '\\' AND "DEPARTMENT_ID" IN (:2, :3) ` +
        `AND "HIRE_DATE" >= TO_DATE(:4, 'YYYY-MM-DD HH24:MI:SS') ORDER BY "EMPLOYEE_ID" ASC OFFSET :5 ROWS FETCH FIRST :6 ROWS ONLY`,
    );
    expect(server.statements[0].binds).toEqual(['K\\_\\%\\\\%', 90, 100, '2003-06-17 00:00:00', 20, 10]);
    expect(server.statements[1].sql).toBe(
      `SELECT COUNT(*) AS "total" FROM "HR"."EMPLOYEES" WHERE "LAST_NAME" LIKE :1 ESCAPE '\\' AND "DEPARTMENT_ID" IN (:2, :3) ` +
        `AND "HIRE_DATE" >= TO_DATE(:4, 'YYYY-MM-DD HH24:MI:SS')`,
    );
    await connector.close();
  });

  it('given unsupported and CLOB columns, when read and filtered, then they are null and a CLOB is compared whole by DBMS_LOB.COMPARE', async () => {
    const server = new FakeOracleServer().answer(/^SELECT/, [
      { EMPLOYEE_ID: '1', BIO: 'Long text', PROBATION: null, PHOTO: Buffer.from([1, 2]) },
    ]);
    const { connector, data } = open(server);
    const { rows } = await data.find(EMPLOYEES, {
      fields: ['EMPLOYEE_ID', 'BIO', 'PROBATION', 'PHOTO'],
      filters: [
        { field: 'BIO', op: 'eq', value: 'Long text' },
        { field: 'BIO', op: 'in', value: ['Long text', 'Other'] },
        { field: 'BIO', op: 'contains', value: 'text' },
      ],
    });
    expect(rows).toEqual([{ EMPLOYEE_ID: 1, BIO: 'Long text', PROBATION: null, PHOTO: 'AQI=' }]);
    expect(server.statements[0].sql).toBe(
      `SELECT "EMPLOYEE_ID", "BIO", NULL AS "PROBATION", "PHOTO" FROM "HR"."EMPLOYEES" ` +
        `WHERE DBMS_LOB.COMPARE("BIO", TO_CLOB(:1)) = 0 ` +
        `AND (DBMS_LOB.COMPARE("BIO", TO_CLOB(:2)) = 0 OR DBMS_LOB.COMPARE("BIO", TO_CLOB(:3)) = 0) ` +
        `AND "BIO" LIKE :4 ESCAPE '\\' ORDER BY "EMPLOYEE_ID" ASC`,
    );
    expect(server.statements[0].binds).toEqual(['Long text', 'Long text', 'Other', '%text%']);
    await connector.close();
  });

  it.each([
    ['a sort on a CLOB', { sort: [{ field: 'BIO', direction: 'asc' as const }] }, 'BIO'],
    ['a sort on a BLOB', { sort: [{ field: 'PHOTO', direction: 'desc' as const }] }, 'PHOTO'],
    [
      'a sort on an unsupported type',
      { sort: [{ field: 'PROBATION', direction: 'asc' as const }] },
      'PROBATION',
    ],
    ['an order comparison on a CLOB', { filters: [{ field: 'BIO', op: 'gt' as const, value: 'M' }] }, 'BIO'],
  ])('given %s, when found, then DATA.INVALID naming it before any SQL', async (_, query, field) => {
    const server = new FakeOracleServer();
    const { connector, data } = open(server);
    const error = await data.find(EMPLOYEES, query).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataValidationError);
    expect(error).toMatchObject({ code: 'DATA.INVALID', fieldErrors: [expect.objectContaining({ field })] });
    expect(server.statements).toHaveLength(0);
    await connector.close();
  });

  it('given a composite key with a DATE, when got, then both key columns are bound in key order', async () => {
    const server = new FakeOracleServer().answer(/WHERE/, [
      {
        EMPLOYEE_ID: '101',
        START_DATE: '1997-09-21 00:00:00',
        END_DATE: '2001-10-27 00:00:00',
        JOB_ID: 'AC_ACCOUNT',
      },
    ]);
    const { connector, data } = open(server);
    await expect(
      data.get(JOB_HISTORY, { START_DATE: '1997-09-21T00:00:00Z', EMPLOYEE_ID: 101 }),
    ).resolves.toEqual({
      EMPLOYEE_ID: 101,
      START_DATE: '1997-09-21T00:00:00Z',
      END_DATE: '2001-10-27T00:00:00Z',
      JOB_ID: 'AC_ACCOUNT',
    });
    expect(server.statements[0].sql).toBe(
      `SELECT "EMPLOYEE_ID", TO_CHAR("START_DATE", 'YYYY-MM-DD HH24:MI:SS') AS "START_DATE", ` +
        `TO_CHAR("END_DATE", 'YYYY-MM-DD HH24:MI:SS') AS "END_DATE", "JOB_ID" FROM "HR"."JOB_HISTORY" ` +
        `WHERE "EMPLOYEE_ID" = :1 AND "START_DATE" = TO_DATE(:2, 'YYYY-MM-DD HH24:MI:SS')`,
    );
    expect(server.statements[0].binds).toEqual([101, '1997-09-21 00:00:00']);
    await connector.close();
  });

  it('given an identity table, when inserted, then the key comes back through RETURNING ... INTO an out bind as exact text', async () => {
    const server = new FakeOracleServer().answer(/^INSERT/, { rowsAffected: 1, outBinds: [['207']] });
    const { connector, data } = open(server);
    await expect(
      data.insert(EMPLOYEES, {
        LAST_NAME: 'Gietz',
        EMAIL: 'WGIETZ',
        HIRE_DATE: '2024-05-01T10:00:00Z',
        SALARY: 8300.5,
        UPDATED_AT: '2024-05-01T12:00:00.1234567+02:00',
      }),
    ).resolves.toEqual({ EMPLOYEE_ID: 207 });
    expect(server.statements[0].sql).toBe(
      `INSERT INTO "HR"."EMPLOYEES" ("LAST_NAME", "EMAIL", "HIRE_DATE", "SALARY", "UPDATED_AT") ` +
        `VALUES (:1, :2, TO_DATE(:3, 'YYYY-MM-DD HH24:MI:SS'), :4, TO_TIMESTAMP_TZ(:5, 'YYYY-MM-DD HH24:MI:SS.FF9 TZH:TZM')) ` +
        `RETURNING TO_CHAR("EMPLOYEE_ID", 'TM9', 'NLS_NUMERIC_CHARACTERS=''.,''') INTO :6`,
    );
    expect(server.statements[0].binds).toEqual([
      'Gietz',
      'WGIETZ',
      '2024-05-01 10:00:00',
      '8300.50',
      '2024-05-01 10:00:00.123456700 +00:00',
      { out: 'string', maxSize: 64 },
    ]);
    await connector.close();
  });

  it('given an ALWAYS identity table and no values, when inserted, then it names the first column with VALUES (DEFAULT)', async () => {
    const server = new FakeOracleServer().answer(/^INSERT/, {
      rowsAffected: 1,
      outBinds: [['12345678901234567890123']],
    });
    const { connector, data } = open(server);
    await expect(data.insert(AUDIT_EVENTS, {})).resolves.toEqual({ ID: '12345678901234567890123' });
    expect(server.statements[0].sql).toBe(
      `INSERT INTO "HR"."AUDIT_EVENTS" ("ID") VALUES (DEFAULT) RETURNING TO_CHAR("ID", 'TM9', 'NLS_NUMERIC_CHARACTERS=''.,''') INTO :1`,
    );
    await expect(data.insert(AUDIT_EVENTS, { ID: '5' })).rejects.toBeInstanceOf(DataValidationError);
    await connector.close();
  });

  it('given zoned and local timestamps, when updated, then each is bound as UTC text for its conversion', async () => {
    const server = new FakeOracleServer().answer(/^UPDATE/, { rowsAffected: 1 });
    const { connector, data } = open(server);
    await expect(
      data.update(
        AUDIT_EVENTS,
        { ID: '1' },
        { AT: '2024-05-01T10:00:00.5Z', LOCAL_AT: '2024-05-01T10:00:00.123456789Z', 'Odd Name': 42 },
      ),
    ).resolves.toBe(1);
    expect(server.statements[0].sql).toBe(
      `UPDATE "HR"."AUDIT_EVENTS" SET "AT" = TO_TIMESTAMP_TZ(:1, 'YYYY-MM-DD HH24:MI:SS.FF9 TZH:TZM'), ` +
        `"LOCAL_AT" = TO_TIMESTAMP(:2, 'YYYY-MM-DD HH24:MI:SS.FF9'), "Odd Name" = :3 WHERE "ID" = :4`,
    );
    expect(server.statements[0].binds).toEqual([
      '2024-05-01 10:00:00.500000000 +00:00',
      '2024-05-01 10:00:00.123456789',
      42,
      '1',
    ]);
    await connector.close();
  });

  it('given a row still referred to, when deleted, then it is ROW_REFERENCED naming the constraint', async () => {
    const server = new FakeOracleServer().answer(
      /:1$/,
      oracleError(2292, 'integrity constraint (HR.EMP_DEPT_FK) violated - child record found'),
    );
    const { connector, data } = open(server);
    await expect(data.delete(DEPARTMENTS, { DEPARTMENT_ID: 90 })).rejects.toMatchObject({
      code: 'DATA.ROW_REFERENCED',
      details: { constraint: 'EMP_DEPT_FK' },
    });
    expect(server.statements[0].sql).toBe(`DELETE FROM "HR"."DEPARTMENTS" WHERE "DEPARTMENT_ID" = :1`);
    await connector.close();
  });

  it('given a NUMBER(4) beyond its digits, a write to a virtual column or to a view, when called, then nothing reaches the server', async () => {
    const server = new FakeOracleServer();
    const { connector, data } = open(server);
    await expect(
      data.update(EMPLOYEES, { EMPLOYEE_ID: 1 }, { DEPARTMENT_ID: 10_000 }),
    ).rejects.toBeInstanceOf(DataValidationError);
    await expect(data.update(EMPLOYEES, { EMPLOYEE_ID: 1 }, { ANNUAL_SALARY: '1' })).rejects.toMatchObject({
      fieldErrors: [{ field: 'ANNUAL_SALARY', message: 'is computed by the database and cannot be written' }],
    });
    await expect(data.insert(VIEW, { EMPLOYEE_ID: 1 })).rejects.toMatchObject({ code: 'DATA.READ_ONLY' });
    expect(server.statements).toHaveLength(0);
    await connector.close();
  });
});
