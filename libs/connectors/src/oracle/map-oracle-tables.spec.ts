import { ConnectorError } from '../spi';
import { mapOracleTableSummaries, mapOracleTables, resolveOracleTables } from './map-oracle-tables';
import { COLUMN_ROWS, CONSTRAINT_ROWS, INDEX_ROWS, TABLE_ROWS } from './oracle-recorded-catalog';

const catalog = { columns: COLUMN_ROWS, constraints: CONSTRAINT_ROWS, indexes: INDEX_ROWS };
const describe_ = (names: string[]) => mapOracleTables('HR', resolveOracleTables(names, TABLE_ROWS), catalog);

describe('mapOracleTableSummaries', () => {
  it('given recorded ALL_TABLES/ALL_VIEWS rows, when mapped, then tables and views carry the schema, statistics and comment', () => {
    expect(mapOracleTableSummaries('HR', TABLE_ROWS)).toEqual([
      { schema: 'HR', name: 'AUDIT_EVENTS', kind: 'table' },
      {
        schema: 'HR',
        name: 'DEPARTMENTS',
        kind: 'table',
        rowEstimate: 27,
        comment: 'Departments of the company',
      },
      { schema: 'HR', name: 'EMPLOYEES', kind: 'table', rowEstimate: 107 },
      { schema: 'HR', name: 'EMP_DETAILS_VIEW', kind: 'view' },
      { schema: 'HR', name: 'JOB_HISTORY', kind: 'table', rowEstimate: 10 },
    ]);
  });

  it('given a materialized view, when mapped, then it is a (read-only) view', () => {
    expect(
      mapOracleTableSummaries('HR', [
        { tableName: 'SALES_MV', objectType: 'MATERIALIZED VIEW', rowEstimate: null, comment: null },
      ]),
    ).toEqual([{ schema: 'HR', name: 'SALES_MV', kind: 'view' }]);
  });
});

describe('mapOracleTables', () => {
  it('given DEPARTMENTS, when described, then NUMBER(4) is an Integer key and a CHAR-semantics VARCHAR2 keeps its literal default', () => {
    const [departments] = describe_(['DEPARTMENTS']);
    expect(departments).toEqual({
      schema: 'HR',
      name: 'DEPARTMENTS',
      kind: 'table',
      rowEstimate: 27,
      comment: 'Departments of the company',
      columns: [
        {
          name: 'DEPARTMENT_ID',
          nativeType: 'NUMBER(4)',
          kind: 'Integer',
          precision: 4,
          nullable: false,
          autoIncrement: false,
        },
        {
          name: 'DEPARTMENT_NAME',
          nativeType: 'VARCHAR2(30 BYTE)',
          kind: 'Text',
          length: 30,
          nullable: false,
          autoIncrement: false,
        },
        {
          name: 'LOCATION',
          nativeType: 'VARCHAR2(40 CHAR)',
          kind: 'Text',
          length: 40,
          nullable: false,
          defaultValue: 'Head office ',
          defaultIsExpression: false,
          autoIncrement: false,
        },
      ],
      primaryKey: ['DEPARTMENT_ID'],
      foreignKeys: [],
      indexes: [{ name: 'SYS_C008412', columns: ['DEPARTMENT_ID'], unique: true }],
    });
  });

  it('given EMPLOYEES, when described, then columns follow COLUMN_ID with identity, FK and the key index first', () => {
    const [employees] = describe_(['EMPLOYEES']);
    expect(employees.columns.map((c) => c.name)).toEqual([
      'EMPLOYEE_ID',
      'FIRST_NAME',
      'LAST_NAME',
      'EMAIL',
      'HIRE_DATE',
      'SALARY',
      'COMMISSION_PCT',
      'DEPARTMENT_ID',
      'ANNUAL_SALARY',
      'BIO',
      'PHOTO',
      'BADGE',
      'UPDATED_AT',
      'LOGIN_COUNT',
      'RATING',
      'PROBATION',
      'OFFICE',
    ]);
    expect(employees.columns[0]).toEqual({
      name: 'EMPLOYEE_ID',
      nativeType: 'NUMBER(6)',
      kind: 'Integer',
      precision: 6,
      nullable: false,
      autoIncrement: true,
    });
    expect(employees.primaryKey).toEqual(['EMPLOYEE_ID']);
    expect(employees.foreignKeys).toEqual([
      {
        name: 'EMP_DEPT_FK',
        columns: ['DEPARTMENT_ID'],
        referencedTable: 'DEPARTMENTS',
        referencedColumns: ['DEPARTMENT_ID'],
      },
    ]);
    expect(employees.indexes).toEqual([
      { name: 'EMP_EMP_ID_PK', columns: ['EMPLOYEE_ID'], unique: true },
      { name: 'EMP_DEPARTMENT_IX', columns: ['DEPARTMENT_ID'], unique: false },
      { name: 'EMP_EMAIL_UK', columns: ['EMAIL'], unique: true },
      { name: 'EMP_NAME_IX', columns: ['LAST_NAME', 'FIRST_NAME'], unique: false },
    ]);
  });

  it('given the NUMBER variants, date-times, LOBs and RAW of EMPLOYEES, when described, then each has its attribute type', () => {
    const [employees] = describe_(['EMPLOYEES']);
    const byName = new Map(employees.columns.map((c) => [c.name, c]));
    expect(byName.get('FIRST_NAME')).toMatchObject({
      nativeType: 'NVARCHAR2(20)',
      kind: 'Text',
      length: 20,
      nullable: true,
    });
    expect(byName.get('HIRE_DATE')).toMatchObject({
      nativeType: 'DATE',
      kind: 'DateTime',
      defaultValue: 'SYSDATE',
      defaultIsExpression: true,
    });
    expect(byName.get('SALARY')).toMatchObject({
      nativeType: 'NUMBER(8,2)',
      kind: 'Decimal',
      precision: 8,
      scale: 2,
    });
    expect(byName.get('COMMISSION_PCT')).toMatchObject({
      nativeType: 'NUMBER(2,2)',
      kind: 'Decimal',
      precision: 2,
      scale: 2,
    });
    expect(byName.get('BIO')).toEqual({
      name: 'BIO',
      nativeType: 'CLOB',
      kind: 'Text',
      nullable: true,
      autoIncrement: false,
    });
    expect(byName.get('PHOTO')).toMatchObject({ nativeType: 'BLOB', kind: 'BinaryData' });
    expect(byName.get('BADGE')).toMatchObject({
      nativeType: 'RAW(16)',
      kind: 'BinaryData',
      length: 16,
      defaultValue: 'SYS_GUID()',
      defaultIsExpression: true,
    });
    expect(byName.get('UPDATED_AT')).toMatchObject({
      nativeType: 'TIMESTAMP(6) WITH TIME ZONE',
      kind: 'DateTime',
    });
    expect(byName.get('LOGIN_COUNT')).toMatchObject({
      nativeType: 'NUMBER(20)',
      kind: 'Decimal',
      precision: 20,
      scale: 0,
      defaultValue: '0',
      defaultIsExpression: false,
    });
    expect(byName.get('RATING')).toMatchObject({ nativeType: 'BINARY_DOUBLE', kind: 'Decimal' });
  });

  it('given a virtual column, when described, then it is generated and its expression is no default', () => {
    const [employees] = describe_(['EMPLOYEES']);
    expect(employees.columns.find((c) => c.name === 'ANNUAL_SALARY')).toEqual({
      name: 'ANNUAL_SALARY',
      nativeType: 'NUMBER',
      kind: 'Decimal',
      nullable: true,
      autoIncrement: false,
      generated: true,
    });
  });

  it('given an INTERVAL and an object type, when described, then they are listed, marked unsupported and never written', () => {
    const [employees] = describe_(['EMPLOYEES']);
    expect(employees.columns.filter((c) => c.unsupported)).toEqual([
      {
        name: 'PROBATION',
        nativeType: 'INTERVAL DAY(2) TO SECOND(6)',
        kind: 'Text',
        nullable: true,
        autoIncrement: false,
        generated: true,
        unsupported: true,
      },
      {
        name: 'OFFICE',
        nativeType: 'SDO_GEOMETRY',
        kind: 'Text',
        nullable: true,
        autoIncrement: false,
        generated: true,
        unsupported: true,
      },
    ]);
  });

  it('given JOB_HISTORY, when described, then the composite key is in key order and the FK points at EMPLOYEES', () => {
    const [history] = describe_(['JOB_HISTORY']);
    expect(history.primaryKey).toEqual(['EMPLOYEE_ID', 'START_DATE']);
    expect(history.indexes).toEqual([
      { name: 'JHIST_PK', columns: ['EMPLOYEE_ID', 'START_DATE'], unique: true },
    ]);
    expect(history.foreignKeys).toEqual([
      {
        name: 'JHIST_EMP_FK',
        columns: ['EMPLOYEE_ID'],
        referencedTable: 'EMPLOYEES',
        referencedColumns: ['EMPLOYEE_ID'],
      },
    ]);
    expect(history.columns[3]).toMatchObject({ defaultValue: 'IT_PROG', defaultIsExpression: false });
  });

  it('given an ALWAYS identity, zoned and fractional timestamps, NUMBER(*,0), FLOAT and BOOLEAN, when described, then each is exact', () => {
    const [audit] = describe_(['AUDIT_EVENTS']);
    expect(audit.columns).toEqual([
      {
        name: 'ID',
        nativeType: 'NUMBER',
        kind: 'Decimal',
        nullable: false,
        autoIncrement: true,
        generated: true,
      },
      {
        name: 'AT',
        nativeType: 'TIMESTAMP(3) WITH LOCAL TIME ZONE',
        kind: 'DateTime',
        nullable: true,
        autoIncrement: false,
      },
      {
        name: 'LOCAL_AT',
        nativeType: 'TIMESTAMP(9)',
        kind: 'DateTime',
        nullable: true,
        autoIncrement: false,
      },
      {
        name: 'SCORE',
        nativeType: 'NUMBER(*,0)',
        kind: 'Decimal',
        precision: 38,
        scale: 0,
        nullable: true,
        autoIncrement: false,
      },
      { name: 'RATIO', nativeType: 'FLOAT(126)', kind: 'Decimal', nullable: true, autoIncrement: false },
      {
        name: 'Odd Name',
        nativeType: 'NUMBER(12)',
        kind: 'LongInteger',
        precision: 12,
        nullable: true,
        autoIncrement: false,
      },
      {
        name: 'ACTIVE',
        nativeType: 'BOOLEAN',
        kind: 'Boolean',
        nullable: true,
        defaultValue: 'TRUE',
        defaultIsExpression: true,
        autoIncrement: false,
      },
    ]);
  });

  it('given a view, when described, then it has columns and no keys', () => {
    const [view] = describe_(['EMP_DETAILS_VIEW']);
    expect(view).toMatchObject({ kind: 'view', primaryKey: [], foreignKeys: [], indexes: [] });
    expect(view.columns).toHaveLength(3);
  });

  it('given a foreign key to another schema, when described, then the referenced table carries its owner', () => {
    const [employees] = mapOracleTables('HR', resolveOracleTables(['EMPLOYEES'], TABLE_ROWS), {
      ...catalog,
      constraints: [
        {
          tableName: 'EMPLOYEES',
          constraintName: 'EMP_COUNTRY_FK',
          constraintType: 'R',
          position: '1',
          columnName: 'DEPARTMENT_ID',
          referencedOwner: 'REF',
          referencedTableName: 'COUNTRIES',
          referencedColumn: 'ID',
        },
      ],
    });
    expect(employees.foreignKeys[0].referencedTable).toBe('REF.COUNTRIES');
  });

  it('given names the schema does not have, when resolved, then TABLE_NOT_FOUND names each of them', () => {
    expect(() => resolveOracleTables(['EMPLOYEES', 'employees', 'NOPE'], TABLE_ROWS)).toThrow(
      new ConnectorError('CONNECTOR.TABLE_NOT_FOUND', 'Table or view not found: "employees", "NOPE"'),
    );
  });
});
