import { createHash } from 'node:crypto';
import { ApiKeyHashStore } from '../apps/api/src/identity';
import { SAMPLE_CONNECTION_ID, createIntegration, entityNames, publishedOrFail } from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const DEVELOPER = { username: 'dev-no-admin', password: 'developer-password-for-tests' };
const KEY_FORMAT = /^ibk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/;

type Answer = Readonly<{ text: string; headers: object }>;

describe('API keys of an environment for the data API', () => {
  let t: TestApp;
  let admin: string;
  let integrationId: string;
  let customers: string;
  /** Every answer except the one that creates a key: none may show a key or its hash. */
  const answers: string[] = [];
  const keys: string[] = [];

  const seen = <R extends Answer>(answer: R): R => {
    answers.push(answer.text, JSON.stringify(answer.headers));
    return answer;
  };
  const data = (env: string, rest = '') =>
    `/api/data/${env}/${integrationId}/${encodeURIComponent(customers)}${rest}`;
  const apiKey = (key: string) => ({ 'X-API-Key': key });

  const createKey = async (
    environment: string,
    token = admin,
    body: object = { appName: 'Warehouse app' },
  ) => {
    const created = await t
      .http()
      .post(`/api/environments/${environment}/api-keys`)
      .set(bearer(token))
      .send(body)
      .expect(201);
    keys.push(created.body.key as string);
    return created;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
    integrationId = await createIntegration(t, admin, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
    ({ customers } = await entityNames(t, admin, integrationId));
    await publishedOrFail(t, admin, integrationId);
  });

  afterAll(async () => {
    await t.close();
  });

  it('given an admin of the environment, when they create a key, then it is shown once with its details', async () => {
    const created = await createKey('development', admin, {
      appName: '  Warehouse app ',
      label: 'CI pipeline',
    });

    const key = created.body.key as string;
    expect(key).toMatch(KEY_FORMAT);
    expect(created.body).toEqual({
      id: expect.any(String),
      environment: 'development',
      appName: 'Warehouse app',
      label: 'CI pipeline',
      hint: key.slice(-4),
      status: 'active',
      createdAt: expect.any(String),
      key,
    });
    expect(key.slice(4, 36)).toBe((created.body.id as string).replaceAll('-', ''));
    expect(created.headers['cache-control']).toBe('no-store');
  });

  it('given a key, when an app lists, gets and creates rows with it, then the data API answers', async () => {
    const { body } = await createKey('development');
    const listed = seen(
      await t.http().get(data('development')).query({ limit: '2' }).set(apiKey(body.key)).expect(200),
    );
    expect(listed.body.items.length).toBeGreaterThan(0);

    const created = seen(
      await t
        .http()
        .post(data('development'))
        .set(apiKey(body.key))
        .send({ email: 'app@example.com', first_name: 'App', last_name: 'Key' })
        .expect(201),
    );
    const read = seen(
      await t
        .http()
        .get(data('development', `/${created.body.customer_id}`))
        .set(apiKey(body.key))
        .expect(200),
    );
    expect(read.body).toMatchObject({ email: 'app@example.com' });
  });

  it('refuses a wrong key, a key of an unknown id and a malformed key with 401', async () => {
    const { body } = await createKey('development');
    const key = body.key as string;
    const wrongSecret = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    const unknownId = `ibk_${'0'.repeat(32)}${key.slice(36)}`;

    for (const candidate of [wrongSecret, unknownId, 'not-a-key', `${key}x`, key.toUpperCase(), '']) {
      const refused = seen(await t.http().get(data('development')).set(apiKey(candidate)).expect(401));
      // Told about API keys, not bearer tokens.
      expect(refused.body.code).toBe('AUTH.INVALID_API_KEY');
      expect(refused.headers['www-authenticate']).toBe('ApiKey header="X-API-Key"');
    }
  });

  it('ignores the key on any route but the data API', async () => {
    const { body } = await createKey('development');

    seen(await t.http().get('/api/integrations').set(apiKey(body.key)).expect(401));
    seen(
      await t
        .http()
        .post('/api/environments/development/api-keys')
        .set(apiKey(body.key))
        .send({ appName: 'x' })
        .expect(401),
    );
    // A bearer token still works there, the key beside it changes nothing.
    seen(await t.http().get('/api/integrations').set(apiKey(body.key)).set(bearer(admin)).expect(200));
  });

  it('refuses a key of another environment with 403', async () => {
    seen(
      await t
        .http()
        .post('/api/environments')
        .set(bearer(admin))
        .send({ name: 'qa', kind: 'qa' })
        .expect(201),
    );
    const qaAdmin = await t.login(ADMIN.username, ADMIN.password, 'qa');
    const { body } = await createKey('qa', qaAdmin);
    expect(body.environment).toBe('qa');

    const refused = seen(await t.http().get(data('development')).set(apiKey(body.key)).expect(403));
    expect(refused.body.code).toBe('AUTH.NO_ACCESS_TO_ENVIRONMENT');
  });

  it('lets only an admin of an existing environment create a key, with an app name', async () => {
    seen(
      await t
        .http()
        .post('/api/users')
        .set(bearer(admin))
        .send({ ...DEVELOPER, roles: [{ environment: 'development', role: 'developer' }] })
        .expect(201),
    );
    const developer = await t.login(DEVELOPER.username, DEVELOPER.password);
    const head = await t.store.headPosition();

    const forbidden = seen(
      await t
        .http()
        .post('/api/environments/development/api-keys')
        .set(bearer(developer))
        .send({ appName: 'Sneaky app' })
        .expect(403),
    );
    expect(forbidden.body.code).toBe('AUTH.ADMIN_REQUIRED');
    const unknown = seen(
      await t
        .http()
        .post('/api/environments/nosuch/api-keys')
        .set(bearer(admin))
        .send({ appName: 'x' })
        .expect(404),
    );
    expect(unknown.body.code).toBe('ENVIRONMENT.NOT_FOUND');
    const missing = seen(
      await t
        .http()
        .post('/api/environments/development/api-keys')
        .set(bearer(admin))
        .send({ label: 'x' })
        .expect(400),
    );
    expect(missing.body.errors.map(({ field }: { field: string }) => field)).toContain('appName');
    const blank = seen(
      await t
        .http()
        .post('/api/environments/development/api-keys')
        .set(bearer(admin))
        .send({ appName: '  ' })
        .expect(400),
    );
    expect(blank.body).toMatchObject({
      code: 'API_KEY.INVALID',
      errors: [expect.objectContaining({ field: 'appName' })],
    });
    expect(await t.store.headPosition()).toBe(head);
  });

  it('given a revoked key, when the app calls again, then it is refused at once, told the key was revoked', async () => {
    const { body } = await createKey('development');
    const hashes = t.app.get(ApiKeyHashStore);
    seen(await t.http().get(data('development')).set(apiKey(body.key)).expect(200));

    seen(
      await t
        .http()
        .delete(`/api/environments/development/api-keys/${body.id}`)
        .set(bearer(admin))
        .expect(204),
    );

    const refused = seen(await t.http().get(data('development')).set(apiKey(body.key)).expect(403));
    expect(refused.body).toMatchObject({ code: 'API_KEY.REVOKED', status: 403 });
    expect(refused.body.detail).toContain("environment 'development'");
    // Kept, so the key itself is told apart from a wrong one; the hash of a revoked key opens nothing.
    expect(await hashes.get(body.id)).toBeDefined();
    const key = body.key as string;
    const wrongSecret = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    const guessed = seen(await t.http().get(data('development')).set(apiKey(wrongSecret)).expect(401));
    expect(guessed.body.code).toBe('AUTH.INVALID_API_KEY');
    // Revoking again changes nothing
    const head = await t.store.headPosition();
    seen(
      await t
        .http()
        .delete(`/api/environments/development/api-keys/${body.id}`)
        .set(bearer(admin))
        .expect(204),
    );
    expect(await t.store.headPosition()).toBe(head);
  });

  it('revokes only known keys of the environment, and only for its admins', async () => {
    const { body } = await createKey('development');
    const developer = await t.login(DEVELOPER.username, DEVELOPER.password);

    seen(
      await t
        .http()
        .delete(`/api/environments/development/api-keys/${body.id}`)
        .set(bearer(developer))
        .expect(403),
    );
    const unknown = seen(
      await t
        .http()
        .delete('/api/environments/development/api-keys/0190a000-0000-7000-8000-0000000000ff')
        .set(bearer(admin))
        .expect(404),
    );
    expect(unknown.body.code).toBe('API_KEY.NOT_FOUND');
    const qaAdmin = await t.login(ADMIN.username, ADMIN.password, 'qa');
    seen(await t.http().delete(`/api/environments/qa/api-keys/${body.id}`).set(bearer(qaAdmin)).expect(404));
    seen(await t.http().get(data('development')).set(apiKey(body.key)).expect(200));
  });

  it('describes the X-API-Key scheme on the data API routes only', async () => {
    const { body } = await t.http().get('/api/docs-json').expect(200);
    expect(body.components.securitySchemes['X-API-Key']).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-API-Key',
    });
    const dataRoute = Object.keys(body.paths).find((path) => path.startsWith('/api/data/'))!;
    expect(body.paths[dataRoute].get.security).toEqual(expect.arrayContaining([{ 'X-API-Key': [] }]));
    expect(body.paths['/api/integrations'].get.security).not.toEqual(
      expect.arrayContaining([{ 'X-API-Key': [] }]),
    );
  });

  it('never shows a key or its hash in a stored event or another answer', async () => {
    expect(keys.length).toBeGreaterThan(4);
    const events = JSON.stringify(await t.store.readAll({ fromPosition: 0, limit: 100_000 }));
    const elsewhere = answers.join('\n');
    for (const key of keys) {
      const secrets = [key, key.slice(37), createHash('sha256').update(key).digest('hex')];
      for (const secret of secrets) {
        expect(events).not.toContain(secret);
        expect(elsewhere).not.toContain(secret);
      }
    }
  });
});
