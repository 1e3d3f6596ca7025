import { mapPostgresDefault } from './map-postgres-default';

describe('mapPostgresDefault', () => {
  it.each([
    ["'G'::mpaa_rating", { defaultValue: 'G', defaultIsExpression: false }],
    ["'it''s'::character varying", { defaultValue: "it's", defaultIsExpression: false }],
    ['\'happy\'::"Odd ""Schema"" ü"."Mood"', { defaultValue: 'happy', defaultIsExpression: false }],
    ["'{}'::integer[]", { defaultValue: '{}', defaultIsExpression: false }],
    ['4.99', { defaultValue: '4.99', defaultIsExpression: false }],
    ['(-1)', { defaultValue: '-1', defaultIsExpression: false }],
    ['(0)::numeric', { defaultValue: '0', defaultIsExpression: false }],
    ['true', { defaultValue: 'true', defaultIsExpression: false }],
    ['now()', { defaultValue: 'now()', defaultIsExpression: true }],
    ['CURRENT_TIMESTAMP', { defaultValue: 'CURRENT_TIMESTAMP', defaultIsExpression: true }],
    ["('now'::text)::date", { defaultValue: "('now'::text)::date", defaultIsExpression: true }],
    ["nextval('film_film_id_seq'::regclass)", { serial: true }],
    ['NULL::character varying', {}],
  ])('given %s, when mapped, then %o', (expression, expected) => {
    expect(mapPostgresDefault(expression)).toEqual(expected);
  });

  it('given no default, when mapped, then there is none', () => {
    expect(mapPostgresDefault(null)).toEqual({});
  });
});
