import { postgresServer } from '../support/postgres';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';

/**
 * Testing a connection request reaches the real server with the password sealed in the request: the
 * right one connects, a wrong one is the server's refusal (422 CONNECTOR.AUTH_FAILED), neither is answered.
 */
describe('testing a PostgreSQL connection request with its sealed password', () => {
  let t: TestApp;
  let admin: string;

  const requestWith = async (password: string) => {
    const { host, port, user } = postgresServer();
    const { body } = await t
      .http()
      .post('/api/connection-requests')
      .set(bearer(admin))
      .send({
        name: `PostgreSQL ${password.length}`,
        provider: 'postgres',
        details: { host, port, username: user, database: 'postgres' },
        password,
      })
      .expect(201);
    return body.id as string;
  };
  const test = (id: string) => t.http().post(`/api/connection-requests/${id}/test`).set(bearer(admin));

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
  });
  afterAll(() => t?.close());

  it('given the right password, when the request is tested, then the server answers with its version', async () => {
    const { password } = postgresServer();
    const { body } = await test(await requestWith(password)).expect(200);
    expect(body).toEqual({
      ok: true,
      serverVersion: expect.stringMatching(/^PostgreSQL/),
      latencyMs: expect.any(Number),
    });
    expect(JSON.stringify(body)).not.toContain(password);
  });

  it('given a wrong password, when the request is tested, then 422 CONNECTOR.AUTH_FAILED without the password', async () => {
    const wrong = 'not-the-password-9f3a';
    const { body } = await test(await requestWith(wrong)).expect(422);
    expect(body.code).toBe('CONNECTOR.AUTH_FAILED');
    expect(JSON.stringify(body)).not.toContain(wrong);
  });
});
