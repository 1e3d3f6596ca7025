import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AUDIT_KEY, chainSealed, readyReportsBrokenChain, until } from '../support/audit-chain';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';

const PASSWORD = 'a-password-for-tests';

jest.setTimeout(60_000);

const createUser = async (t: TestApp, owner: string, username: string, roles: object[]) =>
  t.http().post('/api/users').set(bearer(owner)).send({ username, password: PASSWORD, roles }).expect(201);

describe('GET /api/audit/verify', () => {
  let t: TestApp;
  let owner: string;

  beforeAll(async () => {
    t = await startTestApp({ AUDIT_KEY });
    owner = await t.login(ADMIN.username, ADMIN.password);
    await createUser(t, owner, 'dev-dora', [{ environment: 'development', role: 'developer' }]);
    await createUser(t, owner, 'aud-alma', [{ environment: 'development', role: 'auditor' }]);
    await createUser(t, owner, 'adm-abel', [{ environment: 'development', role: 'admin' }]);
  });
  afterAll(() => t.close());

  it('given an untouched log, when the owner verifies it, then every event is checked and the chain holds', async () => {
    const head = await t.store.headPosition();
    const { body } = await t.http().get('/api/audit/verify').set(bearer(owner)).expect(200);
    expect(body).toMatchObject({ ok: true, checked: head, head, firstMismatch: null, keyConfigured: true });
  });

  it('given an auditor or an admin of an environment, when they verify, then they get the answer', async () => {
    for (const username of ['aud-alma', 'adm-abel']) {
      const token = await t.login(username, PASSWORD);
      const { body } = await t.http().get('/api/audit/verify').set(bearer(token)).expect(200);
      expect(body.ok).toBe(true);
    }
  });

  it('given a developer or an anonymous caller, when they verify, then they are refused', async () => {
    const developer = await t.login('dev-dora', PASSWORD);
    const refused = await t.http().get('/api/audit/verify').set(bearer(developer)).expect(403);
    expect(refused.body.code).toBe('AUTH.AUDITOR_REQUIRED');
    await t.http().get('/api/audit/verify').expect(401);
  });

  it('given the chain sealer caught up, then it signed a checkpoint at the head and shows no lag', async () => {
    const sealer = await chainSealed(t, owner);
    expect(sealer).toMatchObject({ name: 'audit-chain', lag: 0 });
    const verified = await until('a signed checkpoint', async () => {
      const { body } = await t.http().get('/api/audit/verify').set(bearer(owner)).expect(200);
      return body.checkpoints.signed > 0 ? body : undefined;
    });
    expect(verified).toMatchObject({ ok: true, checkpoints: { checked: 1, signed: 1 } });
  });
});

describe("an edit of a stored event while the installation is down (a developer's role made admin in the SQLite file)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ib-tamper-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given the edit, when the installation starts again, then the error is logged, /ready reports it and verify names the position', async () => {
    // Given an installation where dana is a developer, its chain sealed and signed
    const first = await startTestApp({ DATA_DIR: dataDir, AUDIT_KEY });
    const owner = await first.login(ADMIN.username, ADMIN.password);
    await createUser(first, owner, 'dana', [{ environment: 'development', role: 'developer' }]);
    await chainSealed(first, owner);
    await first.close();

    // When someone edits her stored UserRegistered event to make her an admin
    const db = new DatabaseSync(join(dataDir, 'events.sqlite'));
    const edited = db
      .prepare(
        "SELECT global_position AS position FROM events WHERE stream_id = 'user-dana' AND type = 'UserRegistered'",
      )
      .get() as { position: number };
    db.prepare(
      `UPDATE events SET data = replace(data, '"role":"developer"', '"role":"admin"') WHERE global_position = ?`,
    ).run(edited.position);
    db.close();

    // Then the next start reports it
    const second = await startTestApp({ DATA_DIR: dataDir, AUDIT_KEY });
    try {
      const ready = await readyReportsBrokenChain(second);
      expect(ready).toMatchObject({
        status: 'ready',
        degraded: expect.arrayContaining(['audit-chain']),
        auditChain: { state: 'broken', position: edited.position, kind: 'edited' },
      });
      const admin = await second.login(ADMIN.username, ADMIN.password);
      const { body } = await second.http().get('/api/audit/verify').set(bearer(admin)).expect(200);
      expect(body).toMatchObject({ ok: false, firstMismatch: { position: edited.position, kind: 'edited' } });

      // And a rebuild, which would adopt the edited history, is refused unless forced
      const refused = await second
        .http()
        .post('/api/projections/users/rebuild')
        .set(bearer(admin))
        .expect(409);
      expect(refused.body.code).toBe('AUDIT.CHAIN_BROKEN');
      await second.http().post('/api/projections/users/rebuild?force=true').set(bearer(admin)).expect(202);
    } finally {
      await second.close();
    }
  });
});
