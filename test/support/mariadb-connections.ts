import { createConnection } from 'mysql2/promise';
import { mysqlUrl } from './mariadb';
import { bearer, type TestApp } from './test-app';

/** Runs one statement in a database of the specs' server, as its administrator (a DBA altering it). */
export async function executeIn(database: string, statement: string): Promise<void> {
  const connection = await createConnection({ uri: mysqlUrl(), database });
  try {
    await connection.query(statement);
  } finally {
    await connection.end();
  }
}

export type MysqlConnectionRequest = Readonly<{ name: string; environment?: string; database?: string }>;

/** Creates, through the API, a connection to the specs' server (its administrator's credentials). */
export async function createMysqlConnection(
  t: TestApp,
  token: string,
  { name, environment, database }: MysqlConnectionRequest,
): Promise<string> {
  const server = new URL(mysqlUrl());
  const created = await t
    .http()
    .post('/api/connections')
    .set(bearer(token))
    .send({
      name,
      provider: 'mysql',
      ...(environment ? { environment } : {}),
      details: {
        host: server.hostname,
        port: Number(server.port),
        username: decodeURIComponent(server.username),
        ...(database ? { database } : {}),
      },
      password: decodeURIComponent(server.password),
    })
    .expect(201);
  return created.body.id as string;
}
