import { type ColumnInfo, type TableInfo } from '../spi';
import { keyPredicate, odataLiteral } from './odata-literal';
import { filterOf, findQueryString } from './odata-query';

const column = (name: string, nativeType: string, kind: ColumnInfo['kind']): ColumnInfo => ({
  name,
  nativeType,
  kind,
  nullable: true,
  autoIncrement: false,
});
const CODE = column('code', 'Edm.String', 'Text');
const ID = column('ID', 'Edm.Guid', 'Text');
const LINE = column('lineNo', 'Edm.Int32', 'Integer');
const STOCK = column('stock', 'Edm.Int64', 'LongInteger');
const PRICE = column('price', 'Edm.Decimal', 'Decimal');
const DAY = column('day', 'Edm.Date', 'Date');
const SAP_DAY = column('day', 'Edm.DateTime', 'Date');
const AT = column('at', 'Edm.DateTimeOffset', 'DateTime');
const SAP_AT = column('at', 'Edm.DateTime', 'DateTime');
const OPENS = column('opens', 'Edm.TimeOfDay', 'Time');
const SAP_OPENS = column('opens', 'Edm.Time', 'Time');
const BYTES = column('bytes', 'Edm.Binary', 'BinaryData');
const COLOUR = { ...column('colour', 'Odd.Colour', 'Enum'), enumValues: ['Red'] };
const table: TableInfo = {
  schema: 'S',
  name: 'Products',
  kind: 'table',
  columns: [CODE, ID, LINE, STOCK, PRICE, DAY, AT, OPENS, BYTES],
  primaryKey: ['code'],
  foreignKeys: [],
  indexes: [],
};

describe('OData literals', () => {
  it.each([
    [CODE, "it's", "'it''s'", "'it''s'"],
    [
      ID,
      '6f1c2a6e-0b4e-4c0e-9a0e-1d2c3b4a5f60',
      '6f1c2a6e-0b4e-4c0e-9a0e-1d2c3b4a5f60',
      "guid'6f1c2a6e-0b4e-4c0e-9a0e-1d2c3b4a5f60'",
    ],
    [LINE, 7, '7', '7'],
    [STOCK, '9007199254740993', '9007199254740993', '9007199254740993L'],
    [PRICE, '4.50', '4.50', '4.50M'],
    [DAY, '2024-01-15', '2024-01-15', "datetime'2024-01-15T00:00:00'"],
    [SAP_DAY, '2024-01-15', '2024-01-15', "datetime'2024-01-15T00:00:00'"],
    [AT, '2024-03-01T10:15:00Z', '2024-03-01T10:15:00Z', "datetimeoffset'2024-03-01T10:15:00Z'"],
    [SAP_AT, '2024-03-01T12:15:00+02:00', '2024-03-01T12:15:00+02:00', "datetime'2024-03-01T10:15:00'"],
    [OPENS, '09:30:00', '09:30:00', "time'PT09H30M00S'"],
    [SAP_OPENS, '09:30:00', '09:30:00', "time'PT09H30M00S'"],
    [BYTES, 'AAEC/w==', "binary'AAEC_w'", "binary'000102FF'"],
    [COLOUR, 'Red', "Odd.Colour'Red'", "Odd.Colour'Red'"],
  ])('given %o and %p, then v4 writes %s and v2 %s', (col, value, v4, v2) => {
    expect(odataLiteral(col as ColumnInfo, value, 'v4')).toBe(v4);
    expect(odataLiteral(col as ColumnInfo, value, 'v2')).toBe(v2);
  });

  it('given a composite key, when a predicate is built, then each part is named and percent-encoded as a path needs', () => {
    expect(keyPredicate({ ID: '6f1c2a6e-0b4e-4c0e-9a0e-1d2c3b4a5f60', lineNo: 2 }, [ID, LINE], 'v4')).toBe(
      '(ID=6f1c2a6e-0b4e-4c0e-9a0e-1d2c3b4a5f60,lineNo=2)',
    );
    expect(keyPredicate({ code: "A/1'#" }, [CODE], 'v4')).toBe("('A%2F1''%23')");
    expect(keyPredicate({ ID: '6f1c2a6e-0b4e-4c0e-9a0e-1d2c3b4a5f60' }, [ID], 'v2')).toBe(
      "(guid'6f1c2a6e-0b4e-4c0e-9a0e-1d2c3b4a5f60')",
    );
  });
});

describe('OData filters and query options', () => {
  it('given every operator, when translated for v4, then each is its OData expression joined with and', () => {
    expect(
      filterOf(
        table,
        [
          { field: 'code', op: 'ne', value: 'x' },
          { field: 'lineNo', op: 'gte', value: 1 },
          { field: 'lineNo', op: 'lt', value: 9 },
          { field: 'code', op: 'in', value: ['a', 'b'] },
          { field: 'code', op: 'contains', value: "o'k" },
          { field: 'code', op: 'startsWith', value: 'P' },
          { field: 'code', op: 'endsWith', value: '0' },
          { field: 'price', op: 'isNull', value: true },
          { field: 'day', op: 'isNull', value: false },
        ],
        'v4',
      ),
    ).toBe(
      "code ne 'x' and lineNo ge 1 and lineNo lt 9 and (code eq 'a' or code eq 'b') and contains(code,'o''k') and " +
        "startswith(code,'P') and endswith(code,'0') and price eq null and day ne null",
    );
  });

  it('given contains on v2, when translated, then it is substringof', () => {
    expect(filterOf(table, [{ field: 'code', op: 'contains', value: 'ab' }], 'v2')).toBe(
      "substringof('ab',code)",
    );
  });

  it('given a page without a sort, when the query string is built, then it sorts by key, pages, counts and selects', () => {
    expect(
      decodeURIComponent(
        findQueryString(table, { limit: 10, offset: 20, count: true, fields: ['code', 'price'] }, 'v4'),
      ),
    ).toBe('$orderby=code asc&$skip=20&$top=10&$count=true&$select=code,price');
    expect(
      decodeURIComponent(
        findQueryString(table, { sort: [{ field: 'price', direction: 'desc' }], count: true }, 'v2'),
      ),
    ).toBe('$orderby=price desc&$inlinecount=allpages&$format=json');
  });

  it('given a value with URL characters, when the query string is built, then it stays one query option', () => {
    const query = findQueryString(table, { filters: [{ field: 'code', op: 'eq', value: 'a&b=c+d#' }] }, 'v4');
    expect(query).toBe("$filter=code%20eq%20'a%26b%3Dc%2Bd%23'");
  });
});
