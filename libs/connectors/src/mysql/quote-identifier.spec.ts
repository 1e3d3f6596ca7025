import { ConnectorError } from '../spi';
import { quoteIdentifier } from './quote-identifier';

describe('quoteIdentifier (MySQL)', () => {
  it.each([
    ['actor', '`actor`'],
    ['order', '`order`'],
    ['with space', '`with space`'],
    ['back`tick', '`back``tick`'],
    ['``', '``````'],
    ['"double" \'single\' [bracket]', '`"double" \'single\' [bracket]`'],
    ['Ünïcødé 表', '`Ünïcødé 表`'],
    ['MixedCase', '`MixedCase`'],
  ])('given the name %p, when quoted, then it is %p', (name, quoted) => {
    expect(quoteIdentifier(name)).toBe(quoted);
  });

  it('given a name with a NUL, when quoted, then it is refused', () => {
    expect(() => quoteIdentifier('a\0b')).toThrow(ConnectorError);
  });
});
