import { textProblem } from './validation';

describe('textProblem', () => {
  it.each([
    ['a plain name', 'Orders DB (dev)'],
    ['letters of any script', 'Überweisungen 注文 طلبات'],
    ['an emoji (a surrogate pair)', 'Shop 🛒'],
    ['an empty text', ''],
  ])('accepts %s', (_, value) => expect(textProblem(value)).toBeUndefined());

  it.each([
    ['NUL', 'Ord\u0000ers', 'must not contain control characters'],
    ['a tab', 'Ord\ters', 'must not contain control characters'],
    ['a line feed', 'Ord\ners', 'must be a single line'],
    ['a carriage return', 'Ord\rers', 'must be a single line'],
    ['escape', 'Ord\u001b[31mers', 'must not contain control characters'],
    ['DEL', 'Ord\u007fers', 'must not contain control characters'],
    ['a C1 control (NEL)', 'Ord\u0085ers', 'must not contain control characters'],
    ['a line separator', 'Ord\u2028ers', 'must not contain control characters'],
    ['a right-to-left override', 'Invoice\u202Efdp.exe', 'must not contain bidirectional control characters'],
    ['a left-to-right embedding', 'Ord\u202Aers', 'must not contain bidirectional control characters'],
    ['a first-strong isolate', 'Ord\u2068ers\u2069', 'must not contain bidirectional control characters'],
    ['a lone high surrogate', 'Orders\uD83D', 'must not contain lone surrogates'],
    ['a lone low surrogate', '\uDED2Orders', 'must not contain lone surrogates'],
    ['two surrogates in the wrong order', 'Orders\uDED2\uD83D', 'must not contain lone surrogates'],
  ])('refuses %s in a single-line name', (_, value, problem) => expect(textProblem(value)).toBe(problem));

  describe('given a multi-line text', () => {
    it('accepts line breaks', () =>
      expect(textProblem('First line\nsecond line\r\nthird', { multiline: true })).toBeUndefined());

    it.each([
      ['NUL', 'Notes\u0000'],
      ['a tab', 'Notes\there'],
      ['a right-to-left override', 'Notes \u202E'],
      ['a lone surrogate', 'Notes \uD800'],
    ])('still refuses %s', (_, value) => expect(textProblem(value, { multiline: true })).toBeDefined());
  });
});
