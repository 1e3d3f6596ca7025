/** Shared by the PostgreSQL int specs and benches (never by product code): the test server and its fixtures. */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Client } from 'pg';

const FIXTURES = resolve(__dirname, '../../../shared/fixtures');
export const POSTGRES_SAKILA_SCHEMA = resolve(FIXTURES, 'sakila/postgres-sakila-schema.sql');
export const POSTGRES_CHINOOK_WITH_DATA = resolve(FIXTURES, 'chinook/Chinook_PostgreSql.sql');

const IDENTIFIER = /^[a-z0-9_]{1,63}$/;

/** The admin URL of the server the integration specs run on (`npm run test:int` sets it). */
export function postgresUrl(): string {
  const url = process.env.POSTGRES_URL;
  if (!url)
    throw new Error(
      'POSTGRES_URL is not set: run the integration specs with `npm run test:int`, or export the line ' +
        'that `npm run services -- start postgres` prints',
    );
  return url;
}

/** The server's address and admin credentials, as connection details and connector options take them. */
export function postgresServer(url = postgresUrl()) {
  const { hostname, port, username, password } = new URL(url);
  return {
    host: hostname,
    port: Number(port || 5432),
    user: decodeURIComponent(username),
    password: decodeURIComponent(password),
  };
}

/** A database name no other run uses: `<prefix>_<time>_<random>` in lower case, at most 63 characters. */
export function uniqueDatabaseName(prefix: string): string {
  return checkedIdentifier(`${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`);
}

/** Runs `sql` (several statements allowed: the simple query protocol) in `database` as the admin. */
export async function adminQuery(database: string, sql: string, values?: unknown[]): Promise<unknown[]> {
  const client = new Client({ ...postgresServer(), database });
  await client.connect();
  try {
    const result = await client.query(sql, values);
    return (Array.isArray(result) ? result.at(-1) : result)?.rows ?? [];
  } finally {
    await client.end();
  }
}

export async function createDatabase(name: string): Promise<void> {
  await adminQuery('postgres', `CREATE DATABASE ${checkedIdentifier(name)} ENCODING 'UTF8'`);
}

export async function dropDatabase(name: string): Promise<void> {
  await adminQuery('postgres', `DROP DATABASE IF EXISTS ${checkedIdentifier(name)} WITH (FORCE)`);
}

/**
 * Chinook's schema and rows (11 tables, ~15k rows) into a database that exists. The script drops,
 * creates and `\c`onnects to its own `chinook` database first: only what follows the `\c` is run.
 */
export async function loadChinook(database: string): Promise<void> {
  const script = await readFile(POSTGRES_CHINOOK_WITH_DATA, 'utf8');
  const start = script.indexOf('\\c chinook;');
  if (start < 0) throw new Error(`${POSTGRES_CHINOOK_WITH_DATA} no longer connects to chinook`);
  await adminQuery(database, script.slice(start + '\\c chinook;'.length));
}

/** Sakila's schema (15 tables, a partitioned payment by inheritance, views, an enum, a domain; no rows). */
export async function loadSakila(database: string): Promise<void> {
  await adminQuery(database, await readFile(POSTGRES_SAKILA_SCHEMA, 'utf8'));
}

function checkedIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a safe database name: ${name}`);
  return name;
}
