import { ConnectorError } from '../spi';
import { quoteIdentifier } from './quote-identifier';

describe('quoteIdentifier (SQLite)', () => {
  it.each([
    ['Album', '"Album"'],
    ['Order Details', '"Order Details"'],
    ['say "hi"', '"say ""hi"""'],
    ['[bracketed]', '"[bracketed]"'],
    ["it's", `"it's"`],
    ['Straße 客户', '"Straße 客户"'],
    ['', '""'],
  ])('given the name %p, when quoted, then it reads %p', (name, quoted) => {
    expect(quoteIdentifier(name)).toBe(quoted);
  });

  it('given a name with a NUL character, when quoted, then it is refused', () => {
    expect(() => quoteIdentifier('a\0b')).toThrow(ConnectorError);
  });
});
