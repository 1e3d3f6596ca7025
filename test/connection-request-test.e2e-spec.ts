import { createServer, type Server } from 'node:net';
import { type AddressInfo } from 'node:net';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

/**
 * An administrator tries a connection request's details before approving it
 * (`POST /api/connection-requests/:id/test`): it answers as a connection's test does, and only to
 * administrators of the request's environment.
 */
describe('testing a connection request before approving it', () => {
  let t: TestApp;
  let admin: string;
  let dana: string;
  let eli: string;
  let prodAdmin: string;
  /** A port that accepts nothing: whatever is asked of it, the database cannot be reached. */
  let closedPort: number;
  let listener: Server;

  const user = async (username: string, roles: object[], environment = 'development') => {
    await t
      .http()
      .post('/api/users')
      .set(bearer(admin))
      .send({ username, password: `${username}-password-1`, roles })
      .expect(201);
    return t.login(username, `${username}-password-1`, environment);
  };
  const request = async (token: string, body: object) =>
    (await t.http().post('/api/connection-requests').set(bearer(token)).send(body).expect(201)).body as {
      id: string;
    };
  const sqliteRequest = (token: string, path = 'sample.sqlite') =>
    request(token, { name: `Shop ${path}`, provider: 'sqlite', details: { path }, note: 'For the shop' });
  const test = (id: string, token = admin) =>
    t.http().post(`/api/connection-requests/${id}/test`).set(bearer(token));

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
    await t
      .http()
      .post('/api/environments')
      .set(bearer(admin))
      .send({ name: 'production', kind: 'production' })
      .expect(201);
    admin = await t.login(ADMIN.username, ADMIN.password);
    const developer = [{ environment: 'development', role: 'developer' }];
    dana = await user('dana', developer);
    eli = await user('eli', developer);
    prodAdmin = await user('pia', [{ environment: 'production', role: 'admin' }], 'production');
    // Bound, then closed: nothing listens there any more.
    listener = createServer();
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    closedPort = (listener.address() as AddressInfo).port;
    await new Promise<void>((resolve) => listener.close(() => resolve()));
  });
  afterAll(() => t.close());

  it('given a pending request for a database that answers, when an administrator tests it, then it reports the server version and latency', async () => {
    const { id } = await sqliteRequest(dana);
    const { body } = await test(id).expect(200);
    expect(body).toEqual({ ok: true, serverVersion: expect.any(String), latencyMs: expect.any(Number) });
    // And the request is still pending: testing decides nothing
    const read = await t.http().get(`/api/connection-requests/${id}`).set(bearer(admin)).expect(200);
    expect(read.body).toMatchObject({ status: 'pending', version: 0 });
  });

  it('given a request for a file that does not exist, when it is tested, then 404 CONNECTOR.DATABASE_NOT_FOUND', async () => {
    const { id } = await sqliteRequest(dana, 'no-such-file.sqlite');
    const { body } = await test(id).expect(404);
    expect(body).toMatchObject({ code: 'CONNECTOR.DATABASE_NOT_FOUND' });
  });

  it('given a request with a password for a server that does not answer, when it is tested, then 503 with a retry hint and no password anywhere', async () => {
    const { id } = await request(dana, {
      name: 'Orders on MySQL',
      provider: 'mysql',
      details: { host: '127.0.0.1', port: closedPort, username: 'app', database: 'orders' },
      password: 's3cr3t-sealed',
    });
    const response = await test(id).expect(503);
    expect(response.body.code).toMatch(/^CONNECTOR\.(UNREACHABLE|TIMEOUT)$/);
    expect(response.headers['retry-after']).toBeDefined();
    expect(JSON.stringify(response.body)).not.toContain('s3cr3t-sealed');
  });

  it('lets only administrators of the request’s environment test it: its requester is refused, others find nothing', async () => {
    const { id } = await sqliteRequest(dana);
    const byRequester = await test(id, dana).expect(403);
    expect(byRequester.body.code).toBe('AUTH.ADMIN_REQUIRED');
    for (const other of [eli, prodAdmin]) {
      const { body } = await test(id, other).expect(404);
      expect(body.code).toBe('CONNECTION_REQUEST.NOT_FOUND');
    }
    expect((await test('0190b7a0-0000-7000-8000-000000000000').expect(404)).body.code).toBe(
      'CONNECTION_REQUEST.NOT_FOUND',
    );
    await t.http().post(`/api/connection-requests/${id}/test`).expect(401);
  });

  it('given a request approved already, when it is tested, then 409 NOT_PENDING says by whom and when', async () => {
    const { id } = await sqliteRequest(dana);
    const approved = await t
      .http()
      .post(`/api/connection-requests/${id}/approve`)
      .set(bearer(admin))
      .expect(200);
    const { body } = await test(id).expect(409);
    expect(body).toMatchObject({
      code: 'CONNECTION_REQUEST.NOT_PENDING',
      decision: 'approved',
      decidedByName: ADMIN.username,
      decidedAt: approved.body.decidedAt,
    });
    expect(body.detail).toContain(`already approved by ${ADMIN.username} at ${approved.body.decidedAt}`);
  });
});
