import { type AttributeKind, DataValidationError, type TableInfo } from '@ib/connectors';
import { FILTER_OPERATORS } from '../publishing';
import { parseFindQuery, parseKey, valueFor } from './data-query';

const column = (name: string, kind: AttributeKind) => ({
  name,
  nativeType: kind.toLowerCase(),
  kind,
  nullable: true,
  autoIncrement: false,
});

/** An entity with a one-attribute key and attributes of the types the parser converts. */
const TRACKS: TableInfo = {
  schema: 'music',
  name: 'Track',
  kind: 'table',
  primaryKey: ['TrackId'],
  foreignKeys: [],
  indexes: [],
  columns: [
    column('TrackId', 'Integer'),
    column('Name', 'Text'),
    column('Bytes', 'LongInteger'),
    column('Explicit', 'Boolean'),
    column('UnitPrice', 'Decimal'),
    column('sort', 'Text'),
  ],
};

/** An entity with a composite key, one attribute of it text (it may hold `;` and `=`). */
const LINES: TableInfo = {
  ...TRACKS,
  name: 'OrderLine',
  primaryKey: ['Code', 'Line'],
  columns: [column('Code', 'Text'), column('Line', 'Integer'), column('Quantity', 'Integer')],
};

const query = (search: string) => parseFindQuery(TRACKS, `/api/data/development/id/Track?${search}`);

/** The DataValidationError the call throws (fails the spec when it throws nothing or something else). */
const refusal = (call: () => unknown): DataValidationError => {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(DataValidationError);
    return error as DataValidationError;
  }
  throw new Error('expected a DataValidationError');
};

describe('parseFindQuery', () => {
  describe('given no query string', () => {
    it('when parsed, then the query is empty (the connector applies its defaults)', () => {
      expect(parseFindQuery(TRACKS, '/api/data/development/id/Track')).toEqual({});
      expect(query('')).toEqual({});
    });
  });

  describe('given filters in the short form', () => {
    it('when a bare attribute is given, then it is an eq filter on it', () => {
      expect(query('Name=Balls%20to%20the%20Wall')).toEqual({
        filters: [{ field: 'Name', op: 'eq', value: 'Balls to the Wall' }],
      });
    });

    it('when field[op] is given, then the operator applies to that attribute', () => {
      expect(query('TrackId[gt]=10&Name[startsWith]=Ba')).toEqual({
        filters: [
          { field: 'TrackId', op: 'gt', value: 10 },
          { field: 'Name', op: 'startsWith', value: 'Ba' },
        ],
      });
    });

    it.each(FILTER_OPERATORS.filter((op) => op !== 'in' && op !== 'isNull'))(
      'when the %s operator is used, then the filter carries it with the typed value',
      (op) => {
        expect(query(`TrackId[${op}]=7`)).toEqual({ filters: [{ field: 'TrackId', op, value: 7 }] });
        expect(query(`Name[${op}]=7`)).toEqual({ filters: [{ field: 'Name', op, value: '7' }] });
      },
    );

    it('when an attribute is filtered twice, then both filters are kept, in order', () => {
      expect(query('TrackId[gte]=10&TrackId[lt]=20').filters).toEqual([
        { field: 'TrackId', op: 'gte', value: 10 },
        { field: 'TrackId', op: 'lt', value: 20 },
      ]);
    });
  });

  describe('given filters in the long form', () => {
    it('when filter[field][op] is given, then it means the same as field[op]', () => {
      expect(query('filter[TrackId][lte]=5')).toEqual(query('TrackId[lte]=5'));
      expect(query('filter%5BTrackId%5D%5Blte%5D=5')).toEqual(query('TrackId[lte]=5'));
    });

    it('when filter[field] has no operator, then it is eq', () => {
      expect(query('filter[TrackId]=5')).toEqual({ filters: [{ field: 'TrackId', op: 'eq', value: 5 }] });
    });

    it('when the attribute is named like a reserved parameter, then the long form filters on it', () => {
      expect(query('filter[sort]=x&sort=-TrackId')).toEqual({
        filters: [{ field: 'sort', op: 'eq', value: 'x' }],
        sort: [{ field: 'TrackId', direction: 'desc' }],
      });
    });
  });

  describe('given an in list', () => {
    it('when it is comma-separated, then each item is typed as it is written', () => {
      expect(query('TrackId[in]=1,2,3')).toEqual({
        filters: [{ field: 'TrackId', op: 'in', value: [1, 2, 3] }],
      });
      expect(query('Name[in]=a,b')).toEqual({ filters: [{ field: 'Name', op: 'in', value: ['a', 'b'] }] });
    });

    it('when an item is not a whole number, then it stays text (the connector refuses it)', () => {
      expect(query('TrackId[in]=1,%202')).toEqual({
        filters: [{ field: 'TrackId', op: 'in', value: [1, ' 2'] }],
      });
    });

    it('when an item is empty, then it is the empty text: a value for text, refused for an integer', () => {
      expect(query('Name[in]=a,')).toEqual({ filters: [{ field: 'Name', op: 'in', value: ['a', ''] }] });
      expect(query('TrackId[in]=')).toEqual({ filters: [{ field: 'TrackId', op: 'in', value: [''] }] });
    });
  });

  describe('given isNull', () => {
    it('when true or false, then the value is that boolean, whatever the attribute type', () => {
      expect(query('Name[isNull]=true').filters).toEqual([{ field: 'Name', op: 'isNull', value: true }]);
      expect(query('TrackId[isNull]=false').filters).toEqual([
        { field: 'TrackId', op: 'isNull', value: false },
      ]);
    });

    it('when anything else, then the text is left for the connector to refuse', () => {
      expect(query('Name[isNull]=yes').filters).toEqual([{ field: 'Name', op: 'isNull', value: 'yes' }]);
    });
  });

  describe('given sort and fields', () => {
    it('when sort lists attributes, then - sorts descending and nothing ascending', () => {
      expect(query('sort=Name,-TrackId,Bytes')).toEqual({
        sort: [
          { field: 'Name', direction: 'asc' },
          { field: 'TrackId', direction: 'desc' },
          { field: 'Bytes', direction: 'asc' },
        ],
      });
    });

    it('when a sort item has a + or spaces, then it names no attribute (the connector refuses it)', () => {
      expect(query('sort=%2BBytes,%20Name').sort).toEqual([
        { field: '+Bytes', direction: 'asc' },
        { field: ' Name', direction: 'asc' },
      ]);
    });

    it('when fields lists attributes, then each is kept as written', () => {
      expect(query('fields=TrackId,Name')).toEqual({ fields: ['TrackId', 'Name'] });
    });

    it.each(['fields=', 'fields=TrackId,', 'sort=', 'sort=Name,,TrackId'])(
      'when %p has an empty item, then it is refused as the document says',
      (search) => {
        expect(refusal(() => query(search)).fieldErrors[0].field).toBe(search.slice(0, search.indexOf('=')));
      },
    );
  });

  describe('given offset and limit', () => {
    it('when within bounds, then they are numbers', () => {
      expect(query('offset=0&limit=1')).toEqual({ offset: 0, limit: 1 });
      expect(query('offset=3500&limit=1000')).toEqual({ offset: 3500, limit: 1000 });
    });

    it.each(['-1', '1.5', 'abc', ''])('when offset is %p, then it is refused, naming offset', (text) => {
      const error = refusal(() => query(`offset=${text}`));
      expect(error.fieldErrors).toEqual([{ field: 'offset', message: 'must be a whole number, 0 or more' }]);
      expect(error.message).toBe('offset must be a whole number, 0 or more');
    });

    it.each(['0', '1001', '-5', '10.0', 'all'])(
      'when limit is %p, then it is refused, naming limit',
      (text) => {
        const error = refusal(() => query(`limit=${text}`));
        expect(error.fieldErrors).toEqual([
          { field: 'limit', message: 'must be a whole number from 1 to 1000' },
        ]);
      },
    );
  });

  describe('given count', () => {
    it('when true or false, then count is that boolean', () => {
      expect(query('count=true')).toEqual({ count: true });
      expect(query('count=false')).toEqual({ count: false });
    });

    it('when anything else, then it is refused, naming count', () => {
      const error = refusal(() => query('count=yes'));
      expect(error.fieldErrors).toEqual([{ field: 'count', message: 'must be true or false' }]);
    });
  });

  describe('given everything at once', () => {
    it('when parsed, then each part lands in its place', () => {
      expect(
        query(
          'Explicit=true&UnitPrice[gte]=0.99&sort=-TrackId&fields=TrackId,Name&offset=20&limit=10&count=true',
        ),
      ).toEqual({
        filters: [
          { field: 'Explicit', op: 'eq', value: true },
          { field: 'UnitPrice', op: 'gte', value: '0.99' },
        ],
        sort: [{ field: 'TrackId', direction: 'desc' }],
        fields: ['TrackId', 'Name'],
        offset: 20,
        limit: 10,
        count: true,
      });
    });
  });

  describe('given something it does not know', () => {
    it('when the operator is unknown, then it is refused, naming the parameter and the known operators', () => {
      const error = refusal(() => query('TrackId[like]=1'));
      expect(error.fieldErrors).toEqual([
        { field: 'TrackId[like]', message: expect.stringContaining('unknown operator') },
      ]);
      expect(error.fieldErrors[0].message).toContain(FILTER_OPERATORS.join(', '));
      expect(refusal(() => query('filter[Name][regex]=a')).fieldErrors[0].field).toBe('filter[Name][regex]');
    });

    it.each(['a[b]c', 'filter[a][b][c]', '[x]', 'TrackId[gt][lt]'])(
      'when the parameter %p is neither a filter nor a reserved name, then it is refused, naming it',
      (name) => {
        const error = refusal(() => query(`${encodeURIComponent(name)}=1`));
        expect(error.fieldErrors).toEqual([
          { field: name, message: expect.stringContaining('is not a query parameter') },
        ]);
      },
    );

    it('when a filter names an attribute the entity lacks, then it is passed on for the connector to refuse', () => {
      expect(query('nosuch[eq]=1')).toEqual({ filters: [{ field: 'nosuch', op: 'eq', value: '1' }] });
    });
  });
});

describe('parseKey', () => {
  describe('given a one-attribute key', () => {
    it('when the segment is the value, then it is typed', () => {
      expect(parseKey(TRACKS, '42')).toEqual({ TrackId: 42 });
    });

    it('when the segment is name=value, then it means the same', () => {
      expect(parseKey(TRACKS, 'TrackId=42')).toEqual({ TrackId: 42 });
    });

    it('when the value is not a whole number, then it stays text for the connector to refuse', () => {
      expect(parseKey(TRACKS, 'abc')).toEqual({ TrackId: 'abc' });
    });

    it('when the value is percent-encoded, then it is decoded', () => {
      expect(parseKey({ ...TRACKS, primaryKey: ['Name'] }, 'AC%2FDC%3B%3D')).toEqual({ Name: 'AC/DC;=' });
    });

    it('when the segment names another attribute, then it is refused, naming key', () => {
      const error = refusal(() => parseKey(TRACKS, 'Name=42'));
      expect(error.fieldErrors).toEqual([{ field: 'key', message: 'unknown key attribute: Name' }]);
    });
  });

  describe('given a composite key', () => {
    it('when every attribute is given as name=value joined by ;, then each is typed', () => {
      expect(parseKey(LINES, 'Code=A1;Line=2')).toEqual({ Code: 'A1', Line: 2 });
    });

    it('when a client encoded the delimiters too (RFC 6570), then it names the same row', () => {
      expect(parseKey(LINES, 'Code%3DA1%3BLine%3D2')).toEqual({ Code: 'A1', Line: 2 });
      expect(parseKey(LINES, `Code%3D${encodeURIComponent(encodeURIComponent('a;b'))}%3BLine%3D2`)).toEqual({
        Code: 'a;b',
        Line: 2,
      });
    });

    it('when a value holds an encoded ; or =, then it is decoded inside that value only', () => {
      expect(parseKey(LINES, `Code=${encodeURIComponent('a;b=c')};Line=7`)).toEqual({
        Code: 'a;b=c',
        Line: 7,
      });
      expect(parseKey(LINES, 'Code=x%3Dy%3B;Line=%37')).toEqual({ Code: 'x=y;', Line: 7 });
    });

    it.each([
      ['Code=A1', 'missing key attribute: Line'],
      ['Code=A1;Line=2;Quantity=3', 'unknown key attribute: Quantity'],
      ['Code=A1;Code=B2', 'repeated key attribute: Code'],
      ['A1;Line=2', 'malformed key part: A1'],
      ['=A1;Line=2', 'malformed key part: =A1'],
      ['A1', 'malformed key part: A1'],
      ['Line=2;Code=A1', 'key attributes must come in primary-key order: Code, Line'],
      ['Code=%E0%A4%A;Line=2', 'malformed percent-encoding: %E0%A4%A'],
    ])('when the segment is %p, then it is refused, naming key (%s)', (segment, message) => {
      const error = refusal(() => parseKey(LINES, segment));
      expect(error.fieldErrors).toEqual([{ field: 'key', message }]);
      expect(error.message).toBe(`key ${message}`);
    });
  });

  describe('given a key longer than the document allows', () => {
    it('when parsed, then it is refused before it is decoded into values', () => {
      const error = refusal(() => parseKey(LINES, `Code=${'x'.repeat(250)};Line=1`));
      expect(error.fieldErrors).toEqual([{ field: 'key', message: 'must be at most 256 characters' }]);
    });
  });

  describe('given an entity without a primary key', () => {
    it('when a key is parsed, then it is refused', () => {
      const error = refusal(() => parseKey({ ...TRACKS, primaryKey: [] }, '1'));
      expect(error.fieldErrors).toEqual([{ field: 'key', message: 'entity has no primary key' }]);
    });
  });
});

describe('valueFor', () => {
  describe('given an Integer attribute', () => {
    it('when the text is a whole number, then it is that number', () => {
      expect(valueFor(TRACKS, 'TrackId', '42')).toBe(42);
      expect(valueFor(TRACKS, 'TrackId', '-3')).toBe(-3);
      expect(valueFor(TRACKS, 'TrackId', '0')).toBe(0);
    });

    it.each(['4.5', '1e3', ' 7', '0x10', ''])('when the text is %p, then it stays text', (text) => {
      expect(valueFor(TRACKS, 'TrackId', text)).toBe(text);
    });
  });

  describe('given a LongInteger attribute', () => {
    it('when the number is exact as a JavaScript number, then it is that number', () => {
      expect(valueFor(TRACKS, 'Bytes', '9007199254740991')).toBe(9007199254740991);
      expect(valueFor(TRACKS, 'Bytes', '-12')).toBe(-12);
    });

    it('when it is beyond the exact range, then it stays text (no precision lost)', () => {
      expect(valueFor(TRACKS, 'Bytes', '9007199254740993')).toBe('9007199254740993');
    });
  });

  describe('given a Boolean attribute', () => {
    it('when true or false, then it is that boolean; anything else stays text', () => {
      expect(valueFor(TRACKS, 'Explicit', 'true')).toBe(true);
      expect(valueFor(TRACKS, 'Explicit', 'false')).toBe(false);
      expect(valueFor(TRACKS, 'Explicit', '1')).toBe('1');
      expect(valueFor(TRACKS, 'Explicit', 'TRUE')).toBe('TRUE');
    });
  });

  describe('given any other attribute, or one the entity lacks', () => {
    it('when converted, then the text is kept as is', () => {
      expect(valueFor(TRACKS, 'Name', '42')).toBe('42');
      expect(valueFor(TRACKS, 'UnitPrice', '0.99')).toBe('0.99');
      expect(valueFor(TRACKS, 'nosuch', 'true')).toBe('true');
    });
  });
});
