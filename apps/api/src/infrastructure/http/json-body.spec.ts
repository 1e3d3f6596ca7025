import { HttpProblem } from './http-problem';
import { exceedsDepth, readJsonBody } from './json-body';

const options = { maxDepth: 4 };

const problemOf = (action: () => unknown): HttpProblem => {
  try {
    action();
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
  throw new Error('expected an HttpProblem');
};

describe('readJsonBody', () => {
  it('reads a JSON body', () =>
    expect(readJsonBody(Buffer.from('{"a":[1,{"b":"c"}]}'), 'application/json', 'POST', options)).toEqual({
      a: [1, { b: 'c' }],
    }));

  it.each([
    ['a JSON content type', 'application/json'],
    ['no content type', undefined],
    ['another content type', 'text/plain'],
  ])('takes an empty body with %s as no body', (_, contentType) =>
    expect(readJsonBody(Buffer.alloc(0), contentType, 'DELETE', options)).toBeUndefined(),
  );

  it.each([
    ['application/json; charset=utf-8'],
    ['Application/JSON;Charset="UTF-8"'],
    ['application/json;charset=utf8'],
  ])('accepts %s', (contentType) => expect(readJsonBody('{}', contentType, 'POST', options)).toEqual({}));

  it('accepts a JSON merge patch on PATCH only', () => {
    expect(readJsonBody('{"a":null}', 'application/merge-patch+json', 'PATCH', options)).toEqual({ a: null });
    expect(problemOf(() => readJsonBody('{}', 'application/merge-patch+json', 'POST', options)).status).toBe(
      415,
    );
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['no content type', undefined],
    ['a type that only starts like JSON', 'application/jsonp'],
    ['JSON in Latin-1', 'application/json; charset=iso-8859-1'],
  ])('refuses a body sent as %s with 415', (_, contentType) => {
    const problem = problemOf(() => readJsonBody('{"a":1}', contentType, 'POST', options));

    expect(problem.status).toBe(415);
    expect(problem.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a body deeper than the limit with 400 naming the limit, before parsing', () => {
    const problem = problemOf(() => readJsonBody('[[[[[1]]]]]', 'application/json', 'POST', options));

    expect(problem.status).toBe(400);
    expect(problem.code).toBe('REQUEST.JSON_TOO_DEEP');
    expect(problem.message).toMatch(/deeper than 4 levels/);
  });

  it('refuses a deep body that is also malformed as too deep: depth is checked first', () =>
    expect(problemOf(() => readJsonBody('['.repeat(100_000), 'application/json', 'POST', options)).code).toBe(
      'REQUEST.JSON_TOO_DEEP',
    ));

  it('refuses malformed JSON with 400', () => {
    const problem = problemOf(() => readJsonBody('{"a":', 'application/json', 'POST', options));

    expect(problem.status).toBe(400);
    expect(problem.code).toBe('REQUEST.INVALID');
  });

  it.each([
    ['__proto__', '{"__proto__":{"admin":true}}'],
    ['an escaped __proto__', '{"\\u005f_proto__":{"admin":true}}'],
    ['constructor.prototype', '{"constructor":{"prototype":{"admin":true}}}'],
  ])('refuses a %s key with 400', (_, body) =>
    expect(problemOf(() => readJsonBody(body, 'application/json', 'POST', options)).status).toBe(400),
  );

  it('keeps a key named constructor that carries no prototype', () =>
    expect(readJsonBody('{"constructor":"Ada"}', 'application/json', 'POST', options)).toEqual({
      constructor: 'Ada',
    }));
});

describe('exceedsDepth', () => {
  it.each([
    ['the limit exactly', '[[{"a":[1]}]]', false],
    ['one level more', '[[{"a":[[1]]}]]', true],
    ['brackets inside strings', '["[[[[[[", "{{{{{{"]', false],
    ['escaped quotes inside strings', '["\\"[[[[[[", 1]', false],
    ['siblings, each within the limit', '[[[[1]]],[[[2]]],[[[3]]]]', false],
  ])('counts %s', (_, text, expected) => expect(exceedsDepth(text, 4)).toBe(expected));
});
