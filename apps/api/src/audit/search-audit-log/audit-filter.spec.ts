import { ValidationError } from '@ib/domain';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';
import { parseAuditExportFormat, parseAuditFilter, parseAuditPage } from './audit-filter';

const fieldsOf = (work: () => unknown): string[] => {
  try {
    work();
  } catch (error) {
    if (error instanceof ValidationError) {
      expect(error.code).toBe('AUDIT.INVALID_FILTER');
      return error.fieldErrors.map(({ field }) => field);
    }
    throw error;
  }
  throw new Error('Expected the filter to be refused');
};

describe('parseAuditFilter', () => {
  it('given no parameter, then every event is asked for, newest first', () => {
    expect(parseAuditFilter({})).toEqual({ order: 'desc' });
  });

  it("given every filter, then each is read and the times are normalised to the log's own form", () => {
    expect(
      parseAuditFilter({
        actor: ' alice ',
        type: 'IntegrationCreated, DatabaseSelected,,IntegrationCreated',
        stream: 'integration-1',
        aggregate: 'publication',
        id: 'p-1',
        environment: 'qa',
        correlationId: 'c-1',
        from: '2025-01-31',
        to: '2025-02-01T01:30:00+01:00',
        order: 'asc',
      }),
    ).toEqual({
      actor: 'alice',
      types: ['IntegrationCreated', 'DatabaseSelected'],
      stream: 'integration-1',
      aggregate: 'publication',
      id: 'p-1',
      environment: 'qa',
      correlationId: 'c-1',
      from: '2025-01-31T00:00:00.000Z',
      to: '2025-02-01T00:30:00.000Z',
      order: 'asc',
    });
  });

  it.each([
    ['an unknown aggregate', { aggregate: 'invoice' }, ['aggregate']],
    ['an id without aggregate', { id: 'x' }, ['id']],
    ['a time that is no date', { from: 'yesterday' }, ['from']],
    ["a date-time without offset (whose zone would be the server's)", { to: '2025-01-31T12:00:00' }, ['to']],
    ['an impossible date', { from: '2025-02-30T00:00:00Z' }, ['from']],
    ['to before from', { from: '2025-02-01', to: '2025-01-01' }, ['to']],
    ['an unknown order', { order: 'newest' }, ['order']],
    ['an empty actor', { actor: '  ' }, ['actor']],
    ['a type list without a type', { type: ' , ' }, ['type']],
    ['a type that is no type name', { type: 'Integration Created' }, ['type']],
    ['an overlong stream', { stream: 'x'.repeat(256) }, ['stream']],
    [
      'several bad filters',
      { aggregate: 'invoice', from: 'soon', order: 'random' },
      ['aggregate', 'from', 'order'],
    ],
  ])('given %s, then it is a 400 naming the field', (_, input, fields) => {
    expect(fieldsOf(() => parseAuditFilter(input))).toEqual(fields);
  });

  it('given an aggregate without id, then the filter is on every object of that kind', () => {
    expect(parseAuditFilter({ aggregate: 'deployment' })).toEqual({ aggregate: 'deployment', order: 'desc' });
  });
});

describe('parseAuditPage', () => {
  it('given nothing, then the first page of 50', () => {
    expect(parseAuditPage({}, 'desc')).toEqual({ limit: 50 });
  });

  it('given the next of a page, then the following page starts after its position', () => {
    expect(parseAuditPage({ after: encodeAuditCursor('desc', 1234), limit: '500' }, 'desc')).toEqual({
      after: 1234,
      limit: 500,
    });
  });

  it.each([['0'], ['501'], ['1.5'], ['-1'], ['ten'], ['']])('given limit %p, then it is a 400', (limit) => {
    expect(fieldsOf(() => parseAuditPage({ limit }, 'desc'))).toEqual(['limit']);
  });

  it.each([
    ['a made-up cursor', 'abc'],
    ['a cursor of the other order', encodeAuditCursor('asc', 10)],
    ['a cursor with characters no cursor has', 'd1=='],
    ['a position beyond safe integers', Buffer.from('d99999999999999999').toString('base64url')],
  ])('given %s, then it is a 400', (_, after) => {
    expect(fieldsOf(() => parseAuditPage({ after }, 'desc'))).toEqual(['after']);
  });
});

describe('audit cursors', () => {
  it('given a position and an order, then the cursor gives them back in that order only', () => {
    const cursor = encodeAuditCursor('asc', 42);

    expect(decodeAuditCursor(cursor, 'asc')).toBe(42);
    expect(decodeAuditCursor(cursor, 'desc')).toBeUndefined();
  });
});

describe('parseAuditExportFormat', () => {
  it('given no format, then NDJSON', () => expect(parseAuditExportFormat(undefined)).toBe('ndjson'));
  it('given csv, then CSV', () => expect(parseAuditExportFormat('csv')).toBe('csv'));
  it('given another format, then a 400', () =>
    expect(fieldsOf(() => parseAuditExportFormat('xml'))).toEqual(['format']));
});
