import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { openConnector, type Connector } from '@ib/connectors';

/**
 * The PostgreSQL side of the connector benchmarks: the server comes from POSTGRES_URL (`npm run bench`
 * runs under scripts/with-services.mjs), each bench works in databases of its own and drops them.
 */
export function postgresTarget() {
  const url = process.env.POSTGRES_URL;
  if (!url)
    throw new Error(
      'POSTGRES_URL is not set: run `node scripts/with-services.mjs postgres node dist/bench/<file>.js` ' +
        '(or `npm run bench`)',
    );
  const { hostname, port, username, password } = new URL(url);
  return {
    host: hostname,
    port: Number(port || 5432),
    user: decodeURIComponent(username),
    password: decodeURIComponent(password),
  };
}

/** Our connector, the way the API opens it from a connection's stored details. */
export function openPostgresBenchConnector(database: string | undefined, poolSize: number): Connector {
  const { host, port, user, password } = postgresTarget();
  return openConnector({
    provider: 'postgres',
    details: { host, port, username: user, ...(database ? { database } : {}), options: { poolSize } },
    password,
    sqliteRoot: '/tmp',
  });
}

/** Runs `sql` (several statements allowed) in `database` as the admin. */
export async function postgresAdmin(database: string, sql: string): Promise<void> {
  const client = new Client({ ...postgresTarget(), database });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A database of the bench's own for `use`, dropped after it. */
export async function withPostgresDatabase<T>(
  prefix: string,
  use: (database: string) => Promise<T>,
): Promise<T> {
  const database = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  if (!/^[a-z0-9_]{1,63}$/.test(database)) throw new Error(`not a safe database name: ${database}`);
  await postgresAdmin('postgres', `CREATE DATABASE ${database}`);
  try {
    return await use(database);
  } finally {
    await postgresAdmin('postgres', `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

/** Chinook with its rows: the script after its own `\c chinook;`, into `database`. */
export async function loadPostgresChinook(database: string): Promise<void> {
  const script = await readFile(join(fixturesFolder(), 'chinook', 'Chinook_PostgreSql.sql'), 'utf8');
  await postgresAdmin(database, script.slice(script.indexOf('\\c chinook;') + '\\c chinook;'.length));
}

function fixturesFolder(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'fixtures');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`shared/fixtures not found above ${__dirname}`);
  }
}
