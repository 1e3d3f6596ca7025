import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';

const FIXTURES = resolve(__dirname, '../../../shared/fixtures');
export const SAKILA_SCHEMA = resolve(FIXTURES, 'sakila/mysql-sakila-schema.sql');
export const CHINOOK_WITH_DATA = resolve(FIXTURES, 'chinook/Chinook_MySql.sql');

const IDENTIFIER = /^[A-Za-z0-9_]{1,64}$/;

/** The admin URL of the server the integration specs run on (`npm run test:int` sets it). */
export function mysqlUrl(): string {
  const url = process.env.MYSQL_URL;
  if (!url)
    throw new Error(
      'MYSQL_URL is not set: run the integration specs with `npm run test:int`, or export the line ' +
        'that `npm run services -- start mariadb` prints',
    );
  return url;
}

/** A database name no other run uses: `<prefix>_<time>_<random>`, at most 64 characters. */
export function uniqueDatabaseName(prefix: string): string {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  return checkedIdentifier(name);
}

export async function createDatabase(name: string, url = mysqlUrl()): Promise<void> {
  await withConnection(url, (connection) =>
    connection.query(
      `CREATE DATABASE \`${checkedIdentifier(name)}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    ),
  );
}

export async function dropDatabase(name: string, url = mysqlUrl()): Promise<void> {
  await withConnection(url, (connection) =>
    connection.query(`DROP DATABASE IF EXISTS \`${checkedIdentifier(name)}\``),
  );
}

/**
 * Loads a SQL script into `database` with the `mariadb` command-line client, which understands the
 * `DELIMITER` blocks of Sakila's triggers and routines. The scripts create and `USE` their own database
 * (`sakila`, `Chinook`) and Sakila's views name it; those are rewritten so everything lands in `database`.
 */
export async function loadFixture(url: string, database: string, file: string): Promise<void> {
  const sql = retargetScript(await readFile(file, 'utf8'));
  const { hostname, port, username, password } = new URL(url);
  const args = [
    '--no-defaults',
    `--host=${hostname}`,
    `--port=${port || '3306'}`,
    `--user=${decodeURIComponent(username)}`,
    '--default-character-set=utf8mb4',
    '--batch',
    checkedIdentifier(database),
  ];
  // The password travels in the environment, never on a command line that `ps` shows.
  const env = { ...process.env, MYSQL_PWD: decodeURIComponent(password) };
  await new Promise<void>((done, fail) => {
    const client = spawn('mariadb', args, { env, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    client.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    client.on('error', (error) => fail(new Error(`cannot run the mariadb client: ${error.message}`)));
    client.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`loading ${file} into ${database} failed: ${stderr.trim()}`)),
    );
    client.stdin.on('error', () => undefined); // the client may exit early; 'close' reports why
    client.stdin.end(sql);
  });
}

/** Sakila's schema (16 tables, 7 views, triggers, routines; no rows) into a database that exists. */
export function loadSakila(database: string): Promise<void> {
  return loadFixture(mysqlUrl(), database, SAKILA_SCHEMA);
}

/** Chinook with its data (11 tables) into a database that exists. */
export function loadChinook(database: string): Promise<void> {
  return loadFixture(mysqlUrl(), database, CHINOOK_WITH_DATA);
}

/** Drops the script's own DROP/CREATE DATABASE and USE statements and its `db.` qualifiers. */
export function retargetScript(sql: string): string {
  const own = /^\s*USE\s+`?(\w+)`?\s*;/im.exec(sql)?.[1];
  let script = sql
    .replace(/^\s*(?:DROP|CREATE)\s+(?:DATABASE|SCHEMA)\b[^;]*;[^\S\n]*$/gim, '')
    .replace(/^\s*USE\s+[^;]*;[^\S\n]*$/gim, '');
  if (own) script = script.replace(new RegExp(`(?<![\\w.\`])\`?${own}\`?\\.(?=[\`\\w])`, 'g'), '');
  return script;
}

function checkedIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain database name: '${name}'`);
  return name;
}

async function withConnection<T>(
  url: string,
  use: (connection: Awaited<ReturnType<typeof createConnection>>) => Promise<T>,
): Promise<T> {
  const connection = await createConnection(url);
  try {
    return await use(connection);
  } finally {
    await connection.end();
  }
}
