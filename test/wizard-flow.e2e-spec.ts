import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type RecordedEvent } from '@ib/domain';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'Plaintext-Connection-Pa55word!';

/** Every file under a folder, recursively, as raw bytes. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

describe('the integration wizard, end to end on the embedded default', () => {
  let t: TestApp;
  const responses: string[] = [];
  const logs: string[] = [];
  let restoreOut: () => void;

  const record = <R extends { text?: string; headers: Record<string, unknown> }>(response: R): R => {
    responses.push(JSON.stringify(response.headers), response.text ?? '');
    return response;
  };

  beforeAll(async () => {
    const write = process.stdout.write.bind(process.stdout);
    const writeErr = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      logs.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      logs.push(String(chunk));
      return writeErr(chunk, ...rest);
    }) as typeof process.stderr.write;
    restoreOut = () => {
      process.stdout.write = write;
      process.stderr.write = writeErr;
    };
    t = await startTestApp({ LOG_LEVEL: 'verbose' });
  });

  afterAll(async () => {
    restoreOut();
    await t.close();
  });

  it('takes a developer from login to review, with an approved connection request', async () => {
    // Given the bootstrap administrator
    const adminToken = await t.login(ADMIN.username, ADMIN.password);

    // When the administrator creates a developer
    const developer = record(
      await t
        .http()
        .post('/api/users')
        .set(bearer(adminToken))
        .send({
          username: 'dana',
          password: 'dana-password-1',
          roles: [{ environment: 'development', role: 'developer' }],
        })
        .expect(201),
    ).body;
    expect(developer).toMatchObject({
      username: 'dana',
      roles: [{ environment: 'development', role: 'developer' }],
    });
    const token = await t.login('dana', 'dana-password-1');

    // And the developer creates an integration
    const created = record(
      await t
        .http()
        .post('/api/integrations')
        .set(bearer(token))
        .send({ provider: 'sqlite', applicationName: 'Shop' })
        .expect(201),
    );
    const integrationId = created.body.id as string;
    expect(created.body).toMatchObject({
      status: 'draft',
      moduleName: 'Shop_IS',
      environment: 'development',
      createdBy: developer.id,
    });
    expect(created.headers.etag).toBe('"0"');

    // And requests a connection to the sample database, which a developer may not create
    const requested = record(
      await t
        .http()
        .post('/api/connection-requests')
        .set(bearer(token))
        .send({
          name: 'Shop data',
          provider: 'sqlite',
          details: { path: 'sample.sqlite' },
          note: 'for the shop app',
        })
        .expect(201),
    ).body;
    // And requests a server connection too, whose password must go to the secret store only
    const serverRequest = record(
      await t
        .http()
        .post('/api/connection-requests')
        .set(bearer(token))
        .send({
          name: 'Warehouse',
          provider: 'mysql',
          details: { host: 'db.example.com', port: 3306, database: 'warehouse', username: 'reporting' },
          password: PASSWORD,
        })
        .expect(201),
    ).body;
    expect(requested).toMatchObject({
      status: 'pending',
      requestedBy: developer.id,
      details: { path: 'sample.sqlite' },
    });
    const before = record(await t.http().get('/api/connections').set(bearer(token)).expect(200)).body;
    expect(before.items.map((c: { name: string }) => c.name)).not.toContain('Shop data');

    // When the administrator approves it
    const pending = record(
      await t.http().get('/api/connection-requests?status=pending').set(bearer(adminToken)).expect(200),
    ).body;
    expect(pending.items.map((r: { id: string }) => r.id)).toContain(requested.id);
    const approved = record(
      await t
        .http()
        .post(`/api/connection-requests/${requested.id}/approve`)
        .set(bearer(adminToken))
        .expect(200),
    ).body;
    expect(approved).toMatchObject({ status: 'approved', decidedBy: expect.any(String) });

    record(
      await t
        .http()
        .post(`/api/connection-requests/${serverRequest.id}/approve`)
        .set(bearer(adminToken))
        .expect(200),
    );

    // Then the connections appear in the requester's list, the server one with a secret it never shows
    const after = record(await t.http().get('/api/connections').set(bearer(token)).expect(200)).body;
    const connection = after.items.find((c: { requestId?: string }) => c.requestId === requested.id);
    expect(connection).toMatchObject({
      id: approved.connectionId,
      name: 'Shop data',
      provider: 'sqlite',
      hasSecret: false,
    });
    const server = after.items.find((c: { requestId?: string }) => c.requestId === serverRequest.id);
    expect(server).toMatchObject({
      name: 'Warehouse',
      provider: 'mysql',
      hasSecret: true,
      details: { username: 'reporting' },
    });
    expect(JSON.stringify(server)).not.toContain('secret-');

    // When the developer selects it, a database and tables
    const withConnection = record(
      await t
        .http()
        .put(`/api/integrations/${integrationId}/connection`)
        .set(bearer(token))
        .set('If-Match', '"0"')
        .send({ connectionId: connection.id })
        .expect(200),
    );
    expect(withConnection.headers.etag).toBe('"1"');
    const databases = record(
      await t.http().get(`/api/connections/${connection.id}/databases`).set(bearer(token)).expect(200),
    ).body;
    expect(databases.items).toEqual([{ name: 'main' }]);
    const tables = record(
      await t
        .http()
        .get(`/api/connections/${connection.id}/databases/main/tables`)
        .set(bearer(token))
        .expect(200),
    ).body;
    const tableNames = tables.items.map((table: { name: string }) => table.name);
    expect(tableNames.length).toBeGreaterThanOrEqual(3);
    const [first, second] = tableNames.filter(
      (name: string) =>
        tables.items.find((x: { name: string; kind: string }) => x.name === name)?.kind === 'table',
    );
    const described = record(
      await t
        .http()
        .get(`/api/connections/${connection.id}/databases/main/tables/${first}`)
        .set(bearer(token))
        .expect(200),
    ).body;
    expect(described.columns.length).toBeGreaterThan(0);

    record(
      await t
        .http()
        .put(`/api/integrations/${integrationId}/database`)
        .set(bearer(token))
        .send({ database: 'main' })
        .expect(200),
    );
    const withEntities = record(
      await t
        .http()
        .post(`/api/integrations/${integrationId}/entities`)
        .set(bearer(token))
        .send({ tables: [first, second] })
        .expect(200),
    ).body;
    expect(withEntities.entities.map((e: { table: string }) => e.table)).toEqual([first, second]);

    // Then the review shows an integration ready to publish
    const review = record(
      await t.http().get(`/api/integrations/${integrationId}/review`).set(bearer(token)).expect(200),
    ).body;
    expect(review).toMatchObject({
      readyToPublish: true,
      problems: [],
      connection: { id: connection.id, name: 'Shop data', provider: 'sqlite' },
      integration: { id: integrationId, database: 'main', connectionId: connection.id, version: 3 },
    });

    // And each step left its event, with its actor, in the store
    const events: RecordedEvent[] = await t.store.readAll({ fromPosition: 0, limit: 10_000 });
    const by = (type: string) => events.filter((event) => event.type === type);
    const adminId = (
      by('UserRegistered').find((e) => (e.data as { username: string }).username === ADMIN.username)
        ?.data as { userId: string }
    ).userId;
    expect(
      by('UserRegistered').find((e) => (e.data as { username: string }).username === 'dana')?.metadata
        .actorId,
    ).toBe(adminId);
    for (const type of [
      'IntegrationCreated',
      'ConnectionRequested',
      'IntegrationConnectionSelected',
      'IntegrationDatabaseSelected',
      'IntegrationEntitiesAdded',
    ])
      expect(by(type).at(-1)?.metadata.actorId).toBe(developer.id);
    expect(by('ConnectionRequestApproved').at(-1)?.metadata.actorId).toBe(adminId);
    expect(approved.decidedBy).toBe(adminId);
    expect(
      by('ConnectionCreated').find((e) => (e.data as { requestId?: string }).requestId === requested.id),
    ).toBeDefined();
    for (const event of events) expect(event.metadata.correlationId).toEqual(expect.any(String));

    // And the read model shows the state the events describe
    const integration = record(
      await t.http().get(`/api/integrations/${integrationId}`).set(bearer(token)).expect(200),
    ).body;
    expect(integration.entities).toHaveLength(2);
    expect(integration.entities[0].attributes.some((a: { primaryKey: boolean }) => a.primaryKey)).toBe(true);
  });

  it('never writes the connection password in clear to the data folder, the logs or a response', () => {
    // Given everything the flow above wrote, logged and answered
    const haystacks = [
      ...filesUnder(t.config.dataDir).map((file) => readFileSync(file).toString('latin1')),
      ...filesUnder(t.config.dataDir).map((file) => readFileSync(file).toString('utf16le')),
      logs.join(''),
      responses.join('\n'),
    ];
    // Then the plaintext password is nowhere (the test would fail if the flow had not stored it)
    expect(responses.length).toBeGreaterThan(10);
    for (const haystack of haystacks) expect(haystack.includes(PASSWORD)).toBe(false);
  });
});
