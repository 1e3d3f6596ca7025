import { DataValidationError, type ColumnInfo, type TableInfo } from '../spi';
import {
  MAX_IN_VALUES,
  validateDelete,
  validateFindQuery,
  validateInsert,
  validateKey,
  validateUpdate,
} from './validate-request';

const column = (name: string, kind: ColumnInfo['kind'], extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name,
  nativeType: kind,
  kind,
  nullable: true,
  autoIncrement: false,
  ...extra,
});
const track: TableInfo = {
  schema: 'main',
  name: 'Track',
  kind: 'table',
  columns: [
    column('TrackId', 'Integer', { nullable: false, autoIncrement: true }),
    column('Name', 'Text', { nullable: false, length: 40 }),
    column('Milliseconds', 'Integer', { nullable: false }),
    column('Added', 'DateTime', {
      nullable: false,
      defaultValue: 'CURRENT_TIMESTAMP',
      defaultIsExpression: true,
    }),
    column('Cover', 'BinaryData'),
  ],
  primaryKey: ['TrackId'],
  foreignKeys: [],
  indexes: [],
};
const playlistTrack: TableInfo = {
  ...track,
  name: 'PlaylistTrack',
  columns: [
    column('PlaylistId', 'Integer', { nullable: false }),
    column('TrackId', 'Integer', { nullable: false }),
  ],
  primaryKey: ['PlaylistId', 'TrackId'],
};

/** The error `act` throws, or a failure when it throws none. */
function refusal(act: () => void): DataValidationError {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(DataValidationError);
    return error as DataValidationError;
  }
  throw new Error('expected a DataValidationError');
}
const fieldsOf = (error: DataValidationError) => error.fieldErrors.map((e) => e.field);

describe('validating data requests against the metadata', () => {
  describe('given a find', () => {
    it('when filters, sort and fields name unknown attributes, then each is named', () => {
      const error = refusal(() =>
        validateFindQuery(track, {
          filters: [{ field: 'Nope', op: 'eq', value: 1 }],
          sort: [{ field: 'Name"; --', direction: 'asc' }],
          fields: ['TrackId', 'Ghost'],
        }),
      );
      expect(error.code).toBe('DATA.INVALID');
      expect(fieldsOf(error)).toEqual(['Nope', 'Name"; --', 'Ghost']);
      expect(error.fieldErrors[0].message).toBe('is not an attribute of Track');
    });

    it.each([
      [{ field: 'TrackId', op: 'in', value: [] }, 'in needs a non-empty list of values'],
      [{ field: 'TrackId', op: 'in', value: 3 }, 'in needs a non-empty list of values'],
      [
        { field: 'TrackId', op: 'in', value: Array.from({ length: MAX_IN_VALUES + 1 }, (_, i) => i) },
        'in takes at most 1000 values',
      ],
      [{ field: 'TrackId', op: 'in', value: [1, 'two'] }, 'in: each value must be an integer'],
      [{ field: 'Name', op: 'isNull', value: 'yes' }, 'isNull needs true or false'],
      [{ field: 'Name', op: 'contains', value: 5 }, 'contains needs a string'],
      [{ field: 'TrackId', op: 'startsWith', value: '1' }, 'startsWith only applies to text attributes'],
      [{ field: 'TrackId', op: 'gt', value: 'abc' }, 'must be an integer'],
      [{ field: 'Name', op: 'eq', value: null }, 'needs a value (use isNull for NULL)'],
      [{ field: 'Cover', op: 'eq', value: 'AA==' }, 'can only be filtered with isNull'],
      [{ field: 'Name', op: 'like', value: '%' }, 'unknown filter operator "like"'],
    ])('when the filter is %j, then it is refused: %s', (filter, message) => {
      const error = refusal(() => validateFindQuery(track, { filters: [filter as never] }));
      expect(error.fieldErrors).toEqual([{ field: filter.field, message }]);
    });

    it('when a compared value is longer than the attribute, then it is accepted (it matches nothing)', () => {
      expect(() =>
        validateFindQuery(track, { filters: [{ field: 'Name', op: 'eq', value: 'x'.repeat(41) }] }),
      ).not.toThrow();
    });

    it.each([
      [{ limit: 0 }, 'limit'],
      [{ limit: 1001 }, 'limit'],
      [{ limit: 2.5 }, 'limit'],
      [{ offset: -1 }, 'offset'],
      [{ fields: [] }, 'fields'],
    ])('when paging is %j, then %s is refused', (query, field) => {
      expect(fieldsOf(refusal(() => validateFindQuery(track, query)))).toEqual([field]);
    });

    it('when the query is well-formed, then it passes', () => {
      expect(() =>
        validateFindQuery(track, {
          filters: [
            { field: 'TrackId', op: 'in', value: [1, 2] },
            { field: 'Name', op: 'endsWith', value: '%' },
            { field: 'Cover', op: 'isNull', value: true },
          ],
          sort: [{ field: 'Name', direction: 'desc' }],
          limit: 1000,
          offset: 0,
        }),
      ).not.toThrow();
    });
  });

  describe('given a key', () => {
    it('when a composite key lacks a column or has an extra one, then each is named', () => {
      const error = refusal(() => validateKey(playlistTrack, { TrackId: 1, Name: 'x', Other: 2 } as never));
      expect(error.fieldErrors).toEqual([
        { field: 'PlaylistId', message: 'is required (part of the key)' },
        { field: 'Name', message: 'is not an attribute of PlaylistTrack' },
        { field: 'Other', message: 'is not an attribute of PlaylistTrack' },
      ]);
    });

    it('when a key value has the wrong type, then it is refused', () => {
      expect(refusal(() => validateKey(track, { TrackId: '1 OR 1=1' })).fieldErrors).toEqual([
        { field: 'TrackId', message: 'must be an integer' },
      ]);
    });

    it('when the table has no primary key, then reading by key is refused', () => {
      expect(fieldsOf(refusal(() => validateKey({ ...track, primaryKey: [] }, { TrackId: 1 })))).toEqual([
        'key',
      ]);
    });
  });

  describe('given a write', () => {
    it.each([
      ['a view', { ...track, kind: 'view' as const }],
      ['a table without primary key', { ...track, primaryKey: [] }],
    ])('when it targets %s, then DATA.READ_ONLY', (_what, table) => {
      expect(refusal(() => validateInsert(table, { Name: 'x', Milliseconds: 1 })).code).toBe(
        'DATA.READ_ONLY',
      );
      expect(refusal(() => validateUpdate(table, { TrackId: 1 }, { Name: 'x' })).code).toBe('DATA.READ_ONLY');
      expect(refusal(() => validateDelete(table, { TrackId: 1 })).code).toBe('DATA.READ_ONLY');
    });

    it('when an insert has unknown, wrong and missing values, then every field is named', () => {
      const error = refusal(() => validateInsert(track, { Name: 'x'.repeat(41), Bogus: 1 }));
      expect(error.fieldErrors).toEqual([
        { field: 'Bogus', message: 'is not an attribute of Track' },
        { field: 'Name', message: 'is longer than 40 characters' },
        { field: 'Milliseconds', message: 'is required' },
      ]);
    });

    it('when an insert omits the auto-increment key and defaulted columns, then it passes', () => {
      expect(() => validateInsert(track, { Name: 'x', Milliseconds: 1 })).not.toThrow();
    });

    it('when an update changes nothing, changes the key or sets NOT NULL to null, then it is refused', () => {
      expect(fieldsOf(refusal(() => validateUpdate(track, { TrackId: 1 }, {})))).toEqual(['values']);
      expect(refusal(() => validateUpdate(track, { TrackId: 1 }, { TrackId: 2 })).fieldErrors).toEqual([
        { field: 'TrackId', message: 'is part of the key and cannot be changed' },
      ]);
      expect(refusal(() => validateUpdate(track, { TrackId: 1 }, { Name: null })).fieldErrors).toEqual([
        { field: 'Name', message: 'cannot be null' },
      ]);
    });

    describe('to a table with columns the database computes', () => {
      const computed: TableInfo = {
        ...track,
        columns: [
          ...track.columns,
          column('Minutes', 'Decimal', { nullable: false, generated: true }),
          column('Version', 'BinaryData', { nullable: false, generated: true }),
        ],
      };
      const message = 'is computed by the database and cannot be written';

      it('when an insert leaves them out, then they are not required', () => {
        expect(() => validateInsert(computed, { Name: 'x', Milliseconds: 1 })).not.toThrow();
      });

      it('when an insert gives them a value (even null or a fitting one), then each is a field error of DATA.READ_ONLY_ATTRIBUTE', () => {
        const error = refusal(() =>
          validateInsert(computed, { Name: 'x', Milliseconds: 1, Minutes: 2, Version: null }),
        );
        expect(error.code).toBe('DATA.READ_ONLY_ATTRIBUTE');
        expect(error.fieldErrors).toEqual([
          { field: 'Minutes', message },
          { field: 'Version', message },
        ]);
      });

      it('when an update sets one, then it is a field error of DATA.READ_ONLY_ATTRIBUTE; an undefined value is ignored', () => {
        const error = refusal(() => validateUpdate(computed, { TrackId: 1 }, { Minutes: '1.5' }));
        expect(error.code).toBe('DATA.READ_ONLY_ATTRIBUTE');
        expect(error.fieldErrors).toEqual([{ field: 'Minutes', message }]);
        expect(() =>
          validateUpdate(computed, { TrackId: 1 }, { Name: 'y', Minutes: undefined }),
        ).not.toThrow();
      });

      it('when a write also has other faults, then every field is named under DATA.INVALID', () => {
        const error = refusal(() => validateInsert(computed, { Name: 'x', Minutes: 2, Bogus: 1 }));
        expect(error.code).toBe('DATA.INVALID');
        expect(error.fieldErrors).toEqual([
          { field: 'Bogus', message: 'is not an attribute of Track' },
          { field: 'Minutes', message },
          { field: 'Milliseconds', message: 'is required' },
        ]);
      });
    });

    describe('to a table with a column of a type the connector cannot map', () => {
      const unmapped: TableInfo = {
        ...track,
        columns: [
          ...track.columns,
          column('Shape', 'Json', { nullable: false, unsupported: true }),
          column('Span', 'Json', { unsupported: true, generated: true }),
        ],
      };
      const message = 'has a type the connector cannot map and cannot be written';

      it('when an insert leaves it out, then it is not required, even NOT NULL', () => {
        expect(() => validateInsert(unmapped, { Name: 'x', Milliseconds: 1 })).not.toThrow();
      });

      it('when an insert or update gives it a value, then it is refused as unmapped, not as computed', () => {
        const inserted = refusal(() => validateInsert(unmapped, { Name: 'x', Milliseconds: 1, Shape: {} }));
        expect(inserted).toMatchObject({
          code: 'DATA.READ_ONLY_ATTRIBUTE',
          fieldErrors: [{ field: 'Shape', message }],
        });
        expect(refusal(() => validateUpdate(unmapped, { TrackId: 1 }, { Span: null })).fieldErrors).toEqual([
          { field: 'Span', message },
        ]);
      });
    });

    it('when values are not an object, then they are refused', () => {
      expect(fieldsOf(refusal(() => validateInsert(track, null as never)))).toEqual(['values']);
      expect(fieldsOf(refusal(() => validateUpdate(track, { TrackId: 1 }, [] as never)))).toEqual(['values']);
    });
  });
});
