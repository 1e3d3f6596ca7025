import { type ConnectionCreated } from '@ib/domain';
import { uuidv7 } from '../apps/api/src/infrastructure/ids';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const PROVIDERS = [
  { provider: 'mysql', port: 3306 },
  { provider: 'mssql', port: 1433 },
  { provider: 'postgres', port: 5432 },
  { provider: 'oracle', port: 1521 },
] as const;

/** Hosts no server can have: spaces, a port or junk after it, URL syntax, a NUL, too long. */
const MALFORMED_HOSTS = [
  'bad host',
  'db.example.com:3306:junk',
  '[::1',
  '[::1]',
  'a'.repeat(300),
  'x'.repeat(250),
  'mysql://app:s3cr3t@db.example.com:3306/shop',
  'https://db.example.com',
  'db\u0000.example.com',
  '-flag',
  ' ',
];

/** A name that never resolves (RFC 2606 reserves .invalid). */
const UNRESOLVABLE = 'no-such-host.invalid';

/**
 * Connection tests and browsing with a host that is malformed (bad input: 400 naming the field) or that
 * does not resolve (the server cannot be reached now: 503 with a retry hint), never a 500.
 */
describe('connections to a malformed or unresolvable host', () => {
  let t: TestApp;
  let token: string;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login(ADMIN.username, ADMIN.password);
    const events = await t.store.readAll({ fromPosition: 0, limit: 10_000 });
    adminId = (events.find((event) => event.type === 'UserRegistered')?.data as { userId: string }).userId;
  });
  afterAll(() => t.close());

  const details = (host: string, port: number) => ({ host, port, username: 'app', database: 'shop' });
  const create = (provider: string, host: string, port: number) =>
    t
      .http()
      .post('/api/connections')
      .set(bearer(token))
      .send({ name: `${provider} ${uuidv7()}`, provider, details: details(host, port), password: 'pw' });

  /** Every call that opens the connection: test, databases, tables, one table. */
  const browse = (connectionId: string) => [
    t.http().post(`/api/connections/${connectionId}/test`).set(bearer(token)),
    t.http().get(`/api/connections/${connectionId}/databases`).set(bearer(token)),
    t.http().get(`/api/connections/${connectionId}/databases/shop/tables`).set(bearer(token)),
    t.http().get(`/api/connections/${connectionId}/databases/shop/tables/orders`).set(bearer(token)),
  ];

  describe.each(PROVIDERS)('$provider', ({ provider, port }) => {
    it.each(MALFORMED_HOSTS.map((host) => [JSON.stringify(host).slice(0, 50), host]))(
      'refuses to create a connection to the malformed host %s: 400 naming details.host',
      async (_, host) => {
        const { body } = await create(provider, host, port).expect(400);
        expect(body).toMatchObject({ code: 'REQUEST.INVALID' });
        expect(body.errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ field: 'details.host' })]),
        );
        expect(JSON.stringify(body)).not.toContain('s3cr3t');
      },
    );

    it('refuses a connection request to a malformed host: 400 naming details.host', async () => {
      const { body } = await t
        .http()
        .post('/api/connection-requests')
        .set(bearer(token))
        .send({ name: 'Requested', provider, details: details('db.example.com:1:junk', port) })
        .expect(400);
      expect(body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'details.host' })]),
      );
    });

    it('answers every call on a connection stored with a malformed host with 400 CONNECTOR.INVALID_OPTIONS', async () => {
      // Given a connection stored before hosts were checked
      const connectionId = uuidv7();
      const created: ConnectionCreated = {
        type: 'ConnectionCreated',
        data: {
          connectionId,
          environment: 'development',
          name: `Old ${provider}`,
          provider,
          details: details('db\u0000.example.com:1:junk', port),
          createdBy: adminId,
          createdAt: new Date().toISOString(),
        },
      };
      await t.store.append(
        `connection-${connectionId}`,
        [
          {
            eventId: uuidv7(),
            ...created,
            metadata: { actorId: adminId, correlationId: uuidv7(), causationId: uuidv7() },
          },
        ],
        { expectedVersion: 'no_stream' },
      );

      // When it is tested or browsed, then each call says the options are invalid, naming the host
      for (const call of browse(connectionId)) {
        const { body } = await call.expect(400);
        expect(body).toMatchObject({
          code: 'CONNECTOR.INVALID_OPTIONS',
          detail: expect.stringContaining('host'),
        });
      }
    });

    it(`answers a test and browsing of ${UNRESOLVABLE} with 503 CONNECTOR.UNREACHABLE and a retry hint`, async () => {
      const { body: connection } = await create(provider, UNRESOLVABLE, port).expect(201);
      for (const call of browse(connection.id as string)) {
        const response = await call.expect(503);
        expect(response.body).toMatchObject({ code: 'CONNECTOR.UNREACHABLE' });
        expect(response.headers['retry-after']).toEqual(expect.any(String));
      }
    }, 60_000);
  });
});
