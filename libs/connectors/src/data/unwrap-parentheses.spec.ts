import { unwrapParentheses } from './unwrap-parentheses';

const SQL_SERVER = { "'": "'", '[': ']' };
const SQLITE = { "'": "'", '"': '"' };

describe('unwrapParentheses', () => {
  it('drops parentheses that enclose the whole text, however deep', () => {
    expect(unwrapParentheses('((0))', SQL_SERVER)).toBe('0');
    expect(unwrapParentheses("(('abc'))", SQLITE)).toBe("'abc'");
  });

  it('keeps parentheses that enclose only part of the text', () => {
    expect(unwrapParentheses('(1)+(2)', SQLITE)).toBe('(1)+(2)');
  });

  it('ignores parentheses inside the dialect’s quotes', () => {
    expect(unwrapParentheses("(')(')", SQLITE)).toBe("')('");
    expect(unwrapParentheses('([a)b])', SQL_SERVER)).toBe('[a)b]');
    expect(unwrapParentheses('("a)b")', SQL_SERVER)).toBe('("a)b")');
  });

  it('leaves unbalanced text as it is', () => {
    expect(unwrapParentheses('((1)', SQLITE)).toBe('((1)');
  });
});
