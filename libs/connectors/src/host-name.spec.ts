import { hostNameProblem } from './host-name';

describe('hostNameProblem', () => {
  it.each([
    'db',
    'db.example.com',
    'db.example.com.',
    'chinook_mariadb',
    'xn--bcher-kva.example',
    '10.0.0.7',
    '::1',
    'fe80::1',
    `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`,
  ])('given %p, when checked, then it is a host name', (host) => {
    expect(hostNameProblem(host)).toBeUndefined();
  });

  it.each([
    ['', 'is required'],
    ['   ', 'is required'],
    ['bad host', 'host name'],
    ['host:3306', 'without a port'],
    ['host:3306:junk', 'without a port'],
    ['[::1', 'without brackets'],
    ['[::1]', 'without brackets'],
    ['mysql://u:p@db:3306/shop', 'not a URL'],
    ['https://db.example.com', 'not a URL'],
    ['SQL1\\SQLEXPRESS', 'named instance'],
    ['h\u0000x', 'host name'],
    ['-flag', 'host name'],
    ['db..example.com', 'host name'],
    ['.example.com', 'host name'],
    [`${'a'.repeat(64)}.example.com`, 'host name'],
    ['a'.repeat(300), 'at most 253'],
    ['dé.example', 'host name'],
  ])('given %p, when checked, then it is refused: %s', (host, why) => {
    expect(hostNameProblem(host)).toContain(why);
  });

  it('given a malformed host carrying a password, when checked, then the reason does not repeat it', () => {
    expect(hostNameProblem('mysql://app:s3cr3t@db/shop')).not.toContain('s3cr3t');
  });
});
