import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiKeyEvent, ForbiddenError, apiKeyStreamId } from '@ib/domain';
import { SqliteApiKeyHashStore } from '../auth/crypto/api-key-hash-store';
import { type AppConfig } from '../../config/app-config';
import { CurrentViews } from '../../infrastructure/consistency/current-views';
import { SqliteEventStore } from '../../infrastructure/event-store/sqlite-event-store';
import { ProjectionRunner } from '../../infrastructure/read-model/projection-runner';
import { ViewStores } from '../../infrastructure/read-model/view-store';
import { createReadModelOrm, type ReadModelOrm } from '../../read-model';
import { IDENTITY_VIEWS } from '../identity-views.list';
import { ApiKeyViews } from './api-key-queries/api-key-views';
import { Unauthenticated } from '../../infrastructure/access/access-errors';
import { uuidv7 } from '../../infrastructure/ids';
import { generateApiKey } from './api-key-material';
import { ApiKeyVerifier } from './api-key-verifier';

const metadata = { actorId: 'admin', correlationId: 'c-1', causationId: 'c-1' };
const at = '2025-03-04T05:06:07.000Z';

describe('ApiKeyVerifier', () => {
  let dir: string;
  let store: SqliteEventStore;
  let orm: ReadModelOrm;
  let runner: ProjectionRunner;
  let hashes: SqliteApiKeyHashStore;
  let verifier: ApiKeyVerifier;

  const append = (keyId: string, event: ApiKeyEvent) =>
    store.append(apiKeyStreamId(keyId), [{ eventId: uuidv7(), ...event, metadata }], {
      expectedVersion: 'any',
    });

  /** A key as the create handler leaves it: hash stored, then the event. */
  const createKey = async (environment = 'qa', { withHash = true } = {}) => {
    const keyId = uuidv7();
    const { key, hint, hash } = generateApiKey(keyId);
    if (withHash) await hashes.set(keyId, hash);
    await append(keyId, {
      type: 'ApiKeyCreated',
      data: {
        keyId,
        environment,
        appName: 'Warehouse app',
        label: '',
        hint,
        createdBy: 'admin',
        createdAt: at,
      },
    });
    return { keyId, key };
  };
  const revoke = (keyId: string) =>
    append(keyId, {
      type: 'ApiKeyRevoked',
      data: { keyId, environment: 'qa', revokedBy: 'admin', revokedAt: at },
    });
  const refusal = (key: string) =>
    verifier.verify(key).then(
      () => undefined,
      (error: unknown) => error,
    );

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'api-key-verifier-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 10 });
    orm = await createReadModelOrm({ file: join(dir, 'read-model.sqlite'), views: IDENTITY_VIEWS });
    runner = new ProjectionRunner(store, orm, { views: IDENTITY_VIEWS });
    await runner.start();
    hashes = new SqliteApiKeyHashStore({ file: join(dir, 'credentials.sqlite') });
    const views = new CurrentViews(store, runner, { readYourWritesTimeoutMs: 2000 } as AppConfig);
    const stores = new ViewStores(orm, await orm.em.getConnection().getNativeClient());
    verifier = new ApiKeyVerifier(new ApiKeyViews(stores), views, hashes);
  });
  afterEach(async () => {
    await runner.stop();
    await store.close();
    await orm.close();
    await hashes.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given an active key, when it is presented, then the app is a developer of the key environment', async () => {
    const { keyId, key } = await createKey('qa');

    await expect(verifier.verify(key)).resolves.toEqual({
      id: `api-key:${keyId}`,
      username: 'Warehouse app',
      roles: [{ environment: 'qa', role: 'developer' }],
      owner: false,
      environment: 'qa',
      apiKey: { keyId, appName: 'Warehouse app' },
    });
  });

  it('refuses a malformed key, a key of unknown id and a key with another secret', async () => {
    const { keyId, key } = await createKey();
    const other = generateApiKey(keyId).key;

    for (const candidate of ['', 'Bearer x', `${key} `, generateApiKey(uuidv7()).key, other]) {
      const error = await refusal(candidate);
      expect(error).toBeInstanceOf(Unauthenticated);
      expect(error).toMatchObject({
        code: 'AUTH.INVALID_API_KEY',
        message: 'The API key is invalid or revoked',
        challenge: 'ApiKey header="X-API-Key"',
      });
    }
  });

  it('given a key verified before, when it is revoked, then the very next call is refused as revoked', async () => {
    const { keyId, key } = await createKey();
    await verifier.verify(key);

    await revoke(keyId);

    const error = await refusal(key);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ code: 'API_KEY.REVOKED' });
    expect((error as Error).message).toContain(at);
  });

  it('given a revoked key, when another secret is presented with its id, then it is only an invalid key', async () => {
    const { keyId } = await createKey();
    await revoke(keyId);

    expect(await refusal(generateApiKey(keyId).key)).toMatchObject({ code: 'AUTH.INVALID_API_KEY' });
  });

  it('given a key revoked when its hash was still dropped, then it is only an invalid key', async () => {
    const { keyId, key } = await createKey('qa', { withHash: false });
    await revoke(keyId);

    expect(await refusal(key)).toMatchObject({ code: 'AUTH.INVALID_API_KEY' });
  });

  it('given a scoped key, then the app carries its scope', async () => {
    const keyId = uuidv7();
    const { key, hint, hash } = generateApiKey(keyId);
    await hashes.set(keyId, hash);
    const scope = { integrations: ['i-1'], readOnly: true as const };
    await append(keyId, {
      type: 'ApiKeyCreated',
      data: {
        keyId,
        environment: 'qa',
        appName: 'Reports',
        label: '',
        hint,
        scope,
        createdBy: 'admin',
        createdAt: at,
      },
    });

    await expect(verifier.verify(key)).resolves.toMatchObject({
      apiKey: { keyId, appName: 'Reports', scope },
    });
  });

  it('accepts a key created after it first caught up', async () => {
    await verifier.verify((await createKey()).key);

    const later = await createKey();

    await expect(verifier.verify(later.key)).resolves.toMatchObject({ id: `api-key:${later.keyId}` });
  });

  it('refuses a key whose hash is not in the credential file', async () => {
    const { key } = await createKey('qa', { withHash: false });

    expect(await refusal(key)).toMatchObject({ code: 'AUTH.INVALID_API_KEY' });
  });
});
