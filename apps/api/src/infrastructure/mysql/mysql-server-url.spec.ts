import { describeMysqlServer, isMysqlUrl, parseMysqlUrl } from './mysql-server-url';

describe('parseMysqlUrl', () => {
  it('given a full mysql:// URL, then it reads host, port, user, password and database', () => {
    expect(
      parseMysqlUrl('mysql://ib:s%40cret@db.internal:3307/integration_builder', 'EVENT_STORE_URL'),
    ).toEqual({
      host: 'db.internal',
      port: 3307,
      user: 'ib',
      password: 's@cret',
      database: 'integration_builder',
    });
  });

  it('given mariadb:// without a port, then it is the same server on 3306', () => {
    expect(parseMysqlUrl('mariadb://ib@localhost/ib', 'DATABASE_URL')).toMatchObject({
      host: 'localhost',
      port: 3306,
      password: '',
    });
  });

  it.each([
    ['postgres://ib:pw@host/db', /must start with mysql:\/\/ or mariadb:\/\//],
    ['mysql://ib:pw@host/', /must name a database/],
    ['mysql://ib:pw@host/db;drop', /must name a database/],
    ['mysql://host/db', /must name a user/],
  ])('given %s, then it refuses it with a message naming the variable', (url, message) => {
    expect(() => parseMysqlUrl(url, 'EVENT_STORE_URL')).toThrow(message);
    expect(() => parseMysqlUrl(url, 'EVENT_STORE_URL')).toThrow(/EVENT_STORE_URL/);
  });

  it('given a URL with a password, then neither its errors nor its description show the password', () => {
    const url = 'mysql://ib:hunter22@host/bad-name';

    expect(() => parseMysqlUrl(url, 'DATABASE_URL')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter22') }),
    );
    expect(describeMysqlServer(parseMysqlUrl('mysql://ib:hunter22@host/ib', 'DATABASE_URL'))).toBe(
      'mysql://ib@host:3306/ib',
    );
  });

  it('tells the mysql schemes from others', () => {
    expect(['mysql://a', 'MariaDB://a', 'kurrentdb://a', 'esdb://a'].map(isMysqlUrl)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
