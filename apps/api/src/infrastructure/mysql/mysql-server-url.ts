/** Where a MariaDB/MySQL server keeps the product's data, as `EVENT_STORE_URL` / `DATABASE_URL` name it. */
export type MysqlServer = Readonly<{
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}>;

const SCHEMES = new Set(['mysql:', 'mariadb:']);
const DATABASE_NAME = /^[A-Za-z0-9_$]{1,64}$/;

/** True for the schemes this file reads (`mysql://`, `mariadb://`). */
export const isMysqlUrl = (url: string): boolean => SCHEMES.has(schemeOf(url));

const schemeOf = (url: string): string => /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].toLowerCase() ?? '';

/**
 * `mysql://user:pass@host:port/db` (or `mariadb://`). Throws a message naming what is wrong and never
 * the password, since it ends up in a log line at start.
 */
export function parseMysqlUrl(url: string, variable: string): MysqlServer {
  if (!isMysqlUrl(url)) throw new Error(`${variable} must start with mysql:// or mariadb://`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${variable} is not a valid URL (expected mysql://user:password@host:port/database)`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!DATABASE_NAME.test(database))
    throw new Error(
      `${variable} must name a database of letters, digits, _ or $ (mysql://user:password@host:port/database)`,
    );
  if (parsed.hostname === '') throw new Error(`${variable} must name a host`);
  if (parsed.username === '') throw new Error(`${variable} must name a user`);
  const port = parsed.port === '' ? 3306 : Number(parsed.port);
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database,
  };
}

/** The URL without its password, for log lines and status pages. */
export const describeMysqlServer = ({ host, port, user, database }: MysqlServer): string =>
  `mysql://${user}@${host}:${port}/${database}`;
