import { buildCount, escapeLike } from '../data';
import { type ColumnInfo, type TableInfo } from '../spi';
import { oracleDialect, oracleParameter, selectOracleColumn, toOracleParameter } from './oracle-dialect';
import { validateOracleFindQuery } from './oracle-find-query';
import { quoteOracleIdentifier } from './quote-identifier';

const column = (nativeType: string, kind: ColumnInfo['kind'] = 'DateTime'): ColumnInfo => ({
  name: 'v',
  nativeType,
  kind,
  nullable: true,
  autoIncrement: false,
});

describe('oracleDialect', () => {
  it('given identifiers, when quoted, then case and spaces are kept and a double quote or NUL is refused', () => {
    expect(quoteOracleIdentifier('Order Lines')).toBe('"Order Lines"');
    expect(quoteOracleIdentifier('EMPLOYEES')).toBe('"EMPLOYEES"');
    expect(() => quoteOracleIdentifier('a"b')).toThrow(
      expect.objectContaining({ code: 'CONNECTOR.INVALID_OPTIONS' }),
    );
    expect(() => quoteOracleIdentifier('a\0b')).toThrow(
      expect.objectContaining({ code: 'CONNECTOR.INVALID_OPTIONS' }),
    );
  });

  it('given paging, when appended, then the offset is bound before the limit; a limit of 0 needs nothing special', () => {
    const binds: number[] = [];
    const bind = (value: number) => `:${binds.push(value)}`;
    expect(
      oracleDialect.paginate('SELECT 1 FROM DUAL', { limit: 0, offset: 5, hasOrderBy: false, bind }),
    ).toBe('SELECT 1 FROM DUAL OFFSET :1 ROWS FETCH FIRST :2 ROWS ONLY');
    expect(binds).toEqual([5, 0]);
  });

  it('given LIKE text, when escaped, then % _ and the backslash are literal', () => {
    expect(escapeLike(oracleDialect, '50%_\\')).toBe('50\\%\\_\\\\');
  });

  it.each([
    ['DATE', `TO_CHAR("v", 'YYYY-MM-DD HH24:MI:SS') AS "v"`],
    ['TIMESTAMP(6)', `TO_CHAR("v", 'YYYY-MM-DD HH24:MI:SS.FF9') AS "v"`],
    ['TIMESTAMP(6) WITH TIME ZONE', `TO_CHAR(SYS_EXTRACT_UTC("v"), 'YYYY-MM-DD HH24:MI:SS.FF9') AS "v"`],
    [
      'TIMESTAMP(3) WITH LOCAL TIME ZONE',
      `TO_CHAR(SYS_EXTRACT_UTC(CAST("v" AS TIMESTAMP WITH TIME ZONE)), 'YYYY-MM-DD HH24:MI:SS.FF9') AS "v"`,
    ],
  ])('given a %s column, when selected, then it is read as UTC text', (nativeType, expected) => {
    expect(selectOracleColumn(column(nativeType), '"v"')).toBe(expected);
  });

  it('given an unsupported type whose mark was not published, when selected and filtered, then its native type tells it: null', () => {
    const interval = column('INTERVAL DAY(2) TO SECOND(6)', 'Text');
    expect(selectOracleColumn(interval, '"v"')).toBe('NULL AS "v"');
    expect(oracleDialect.filterColumn?.(interval, '"v"')).toBe('NULL');
    expect(selectOracleColumn(column('SDO_GEOMETRY', 'Text'), '"v"')).toBe('NULL AS "v"');
    expect(selectOracleColumn(column('NVARCHAR2(20)', 'Text'), '"v"')).toBe('"v"');
    expect(selectOracleColumn(column('UROWID(4000)', 'Text'), '"v"')).toBe('"v"');
  });

  it('given NUMBER and text columns, when selected, then they are their quoted names (the driver gives NUMBERs as text)', () => {
    expect(selectOracleColumn(column('NUMBER(10,2)', 'Decimal'), '"v"')).toBe('"v"');
    expect(selectOracleColumn(column('VARCHAR2(10 BYTE)', 'Text'), '"v"')).toBe('"v"');
  });

  it.each([
    ['DATE', '2024-05-01T12:00:00.75+02:00', '2024-05-01 10:00:00', `TO_DATE(:1, 'YYYY-MM-DD HH24:MI:SS')`],
    [
      'TIMESTAMP(9)',
      '2024-05-01T10:00:00Z',
      '2024-05-01 10:00:00.000000000',
      `TO_TIMESTAMP(:1, 'YYYY-MM-DD HH24:MI:SS.FF9')`,
    ],
    [
      'TIMESTAMP(6) WITH TIME ZONE',
      '2024-05-01T00:30:00-01:00',
      '2024-05-01 01:30:00.000000000 +00:00',
      `TO_TIMESTAMP_TZ(:1, 'YYYY-MM-DD HH24:MI:SS.FF9 TZH:TZM')`,
    ],
  ])(
    'given a %s column and %s, when bound, then it is UTC text %p read by %s',
    (nativeType, wire, bound, sql) => {
      expect(toOracleParameter(wire, column(nativeType))).toBe(bound);
      expect(oracleParameter(':1', column(nativeType))).toBe(sql);
    },
  );

  describe('given character LOBs', () => {
    const lobs: TableInfo = {
      schema: 'HR',
      name: 'NOTES',
      kind: 'table',
      columns: [
        { ...column('NUMBER(9)', 'Integer'), name: 'ID' },
        { ...column('NCLOB', 'Text'), name: 'BODY' },
        { ...column('LONG', 'Text'), name: 'LEGACY' },
      ],
      primaryKey: ['ID'],
      foreignKeys: [],
      indexes: [],
    };

    it('when an NCLOB is compared with ne, then DBMS_LOB.COMPARE reads the bound text as an NCLOB, and isNull needs nothing', () => {
      const statement = buildCount(oracleDialect, lobs, [
        { field: 'BODY', op: 'ne', value: 'draft' },
        { field: 'BODY', op: 'isNull', value: false },
      ]);
      expect(statement.sql).toBe(
        `SELECT COUNT(*) AS "total" FROM "HR"."NOTES" WHERE DBMS_LOB.COMPARE("BODY", TO_NCLOB(:1)) <> 0 AND "BODY" IS NOT NULL`,
      );
      expect(statement.parameters).toEqual(['draft']);
    });

    it('when a LONG is filtered or sorted on, or an NCLOB sorted or compared by order, then each is refused naming it', () => {
      const refused = (() => {
        try {
          validateOracleFindQuery(lobs, {
            filters: [
              { field: 'LEGACY', op: 'isNull', value: true },
              { field: 'BODY', op: 'lte', value: 'm' },
            ],
            sort: [
              { field: 'LEGACY', direction: 'asc' },
              { field: 'BODY', direction: 'asc' },
            ],
          });
        } catch (error) {
          return error;
        }
      })();
      expect(refused).toMatchObject({
        code: 'DATA.INVALID',
        fieldErrors: [
          { field: 'LEGACY', message: 'cannot be sorted on (Oracle LONG)' },
          { field: 'BODY', message: 'cannot be sorted on (Oracle NCLOB)' },
          { field: 'LEGACY', message: 'cannot be filtered on (Oracle LONG)' },
          { field: 'BODY', message: expect.stringContaining('lte does not apply to an Oracle NCLOB') },
        ],
      });
    });

    it('when sorted on its key and filtered with eq, then nothing is refused', () => {
      expect(() =>
        validateOracleFindQuery(lobs, {
          filters: [{ field: 'BODY', op: 'eq', value: 'x' }],
          sort: [{ field: 'ID', direction: 'desc' }],
        }),
      ).not.toThrow();
    });
  });
});
