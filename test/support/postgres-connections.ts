import { postgresServer } from './postgres';
import { bearer, type TestApp } from './test-app';

export type PostgresConnectionRequest = Readonly<{ name: string; environment?: string; database?: string }>;

/** Creates, through the API, a connection to the specs' PostgreSQL server (its administrator's credentials). */
export async function createPostgresConnection(
  t: TestApp,
  token: string,
  { name, environment, database }: PostgresConnectionRequest,
): Promise<string> {
  const { host, port, user, password } = postgresServer();
  const created = await t
    .http()
    .post('/api/connections')
    .set(bearer(token))
    .send({
      name,
      provider: 'postgres',
      ...(environment ? { environment } : {}),
      details: { host, port, username: user, ...(database ? { database } : {}) },
      password,
    })
    .expect(201);
  return created.body.id as string;
}
