import { mapPostgresType, type PostgresTypeFacts } from './map-postgres-type';

const facts = (typeName: string, rest: Partial<PostgresTypeFacts> = {}): PostgresTypeFacts => ({
  typeName,
  typeType: 'b',
  category: 'S',
  typeModifier: -1,
  ...rest,
});

describe('mapPostgresType', () => {
  it.each([
    ['varchar', 124, { kind: 'Text', length: 120 }],
    ['bpchar', 7, { kind: 'Text', length: 3 }],
    ['varchar', -1, { kind: 'Text' }],
    ['text', -1, { kind: 'Text' }],
    ['int2', -1, { kind: 'Integer' }],
    ['int4', -1, { kind: 'Integer' }],
    ['int8', -1, { kind: 'LongInteger' }],
    ['numeric', (10 << 16) + 2 + 4, { kind: 'Decimal', precision: 10, scale: 2 }],
    ['numeric', (30 << 16) + 10 + 4, { kind: 'Decimal', precision: 30, scale: 10 }],
    ['numeric', -1, { kind: 'Decimal' }],
    ['float8', -1, { kind: 'Decimal' }],
    ['bool', -1, { kind: 'Boolean' }],
    ['date', -1, { kind: 'Date' }],
    ['time', -1, { kind: 'Time' }],
    ['timetz', -1, { kind: 'Text' }],
    ['timestamp', 3, { kind: 'DateTime' }],
    ['timestamptz', -1, { kind: 'DateTime' }],
    ['bytea', -1, { kind: 'BinaryData' }],
    ['json', -1, { kind: 'Json' }],
    ['jsonb', -1, { kind: 'Json' }],
    ['uuid', -1, { kind: 'Text' }],
    ['interval', -1, { kind: 'Text' }],
    ['tsvector', -1, { kind: 'Text' }],
  ])('given %s (modifier %i), when mapped, then %o', (typeName, typeModifier, expected) => {
    expect(mapPostgresType(facts(typeName, { typeModifier }))).toEqual(expected);
  });

  it('given a numeric with a negative scale (PostgreSQL 15), when mapped, then the scale is 0', () => {
    expect(mapPostgresType(facts('numeric', { typeModifier: (5 << 16) + (2048 - 2) + 4 }))).toEqual({
      kind: 'Decimal',
      precision: 5,
      scale: 0,
    });
  });

  it('given an enum, when mapped, then its members come in their order', () => {
    expect(
      mapPostgresType(facts('mood', { typeType: 'e', category: 'E', enumValues: ['sad', 'ok'] })),
    ).toEqual({
      kind: 'Enum',
      enumValues: ['sad', 'ok'],
    });
  });

  it('given an array of any element, when mapped, then it is Json', () => {
    expect(mapPostgresType(facts('_int4', { category: 'A' }))).toEqual({ kind: 'Json' });
  });
});
