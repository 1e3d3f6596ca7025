import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';
import { openConnector, type Connector } from '@ib/connectors';

/**
 * The MariaDB side of the connector benchmarks: the server comes from MYSQL_URL (`npm run bench` runs
 * under scripts/with-services.mjs), each bench works in databases of its own and drops them.
 */
export function mysqlUrl(): string {
  const url = process.env.MYSQL_URL;
  if (!url) {
    throw new Error(
      'MYSQL_URL is not set: run `node scripts/with-services.mjs mariadb node dist/bench/<file>.js` ' +
        '(or `npm run bench`)',
    );
  }
  return url;
}

export type MysqlTarget = Readonly<{ host: string; port: number; user: string; password: string }>;

export function mysqlTarget(url = mysqlUrl()): MysqlTarget {
  const { hostname, port, username, password } = new URL(url);
  return {
    host: hostname,
    port: Number(port || 3306),
    user: decodeURIComponent(username),
    password: decodeURIComponent(password),
  };
}

/** Our connector, the way the API opens it from a connection's stored details. */
export function openMysqlBenchConnector(database: string | undefined, poolSize: number): Connector {
  const { host, port, user, password } = mysqlTarget();
  return openConnector({
    provider: 'mysql',
    details: { host, port, username: user, ...(database ? { database } : {}), options: { poolSize } },
    password,
    sqliteRoot: '/tmp',
  });
}

const IDENTIFIER = /^[A-Za-z0-9_]{1,64}$/;

/** `<prefix>_<time>_<random>`, so parallel runs (and other engineers' specs) never collide. */
export function benchDatabaseName(prefix: string): string {
  return checked(`${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`);
}

/** One admin connection; `multipleStatements` lets DDL travel in batches. */
export function adminConnection(database?: string): Promise<Connection> {
  return createConnection({
    ...mysqlTarget(),
    ...(database ? { database } : {}),
    multipleStatements: true,
    charset: 'utf8mb4',
  });
}

export async function createDatabase(name: string): Promise<void> {
  const connection = await adminConnection();
  try {
    await connection.query(
      `CREATE DATABASE \`${checked(name)}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

export async function dropDatabase(name: string): Promise<void> {
  const connection = await adminConnection();
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${checked(name)}\``);
  } finally {
    await connection.end();
  }
}

/** Creates a fresh database, hands it to `use`, and always drops it. */
export async function withDatabase<T>(prefix: string, use: (database: string) => Promise<T>): Promise<T> {
  const database = benchDatabaseName(prefix);
  await createDatabase(database);
  try {
    return await use(database);
  } finally {
    await dropDatabase(database);
  }
}

/** shared/fixtures sits beside the repository: found by walking up from here (bench/ or dist/bench/). */
function fixturesFolder(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'fixtures');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`shared/fixtures not found above ${__dirname}`);
  }
}

export const sakilaSchemaFile = () => join(fixturesFolder(), 'sakila', 'mysql-sakila-schema.sql');
export const chinookFile = () => join(fixturesFolder(), 'chinook', 'Chinook_MySql.sql');

/**
 * Loads a fixture script with the `mariadb` client (it understands Sakila's DELIMITER blocks), into
 * `database` rather than the one the script creates (see test/support/mariadb.ts, same rewriting).
 */
export async function loadFixture(database: string, file: string): Promise<void> {
  const sql = retargetScript(await readFile(file, 'utf8'));
  const { host, port, user, password } = mysqlTarget();
  const args = [
    '--no-defaults',
    `--host=${host}`,
    `--port=${port}`,
    `--user=${user}`,
    '--default-character-set=utf8mb4',
    '--batch',
    checked(database),
  ];
  await new Promise<void>((done, fail) => {
    const client = spawn('mariadb', args, {
      env: { ...process.env, MYSQL_PWD: password },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    client.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    client.on('error', (error) => fail(new Error(`cannot run the mariadb client: ${error.message}`)));
    client.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`loading ${file} into ${database} failed: ${stderr.trim()}`)),
    );
    client.stdin.on('error', () => undefined);
    client.stdin.end(sql);
  });
}

function retargetScript(sql: string): string {
  const own = /^\s*USE\s+`?(\w+)`?\s*;/im.exec(sql)?.[1];
  let script = sql
    .replace(/^\s*(?:DROP|CREATE)\s+(?:DATABASE|SCHEMA)\b[^;]*;[^\S\n]*$/gim, '')
    .replace(/^\s*USE\s+[^;]*;[^\S\n]*$/gim, '');
  if (own) script = script.replace(new RegExp(`(?<![\\w.\`])\`?${own}\`?\\.(?=[\`\\w])`, 'g'), '');
  return script;
}

function checked(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain database name: '${name}'`);
  return name;
}

/** Middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
