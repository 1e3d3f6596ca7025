import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { buildApi } from '../support/api-process';
import { startTestApp } from '../support/test-app';

const ROOT = resolve(__dirname, '..', '..');
const AUDIT_KEY = 'an audit key that lives outside the data folder';

jest.setTimeout(120_000);

/** `npm run audit:verify` is this built script run with the installation's environment. */
function auditVerify(dataDir: string, env: Record<string, string> = {}) {
  const run = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'node'),
    [join(ROOT, 'dist', 'apps', 'api', 'src', 'audit-verify.js')],
    { cwd: ROOT, env: { PATH: process.env.PATH, DATA_DIR: dataDir, ...env }, encoding: 'utf8' },
  );
  return { code: run.status, answer: run.stdout ? JSON.parse(run.stdout) : undefined, stderr: run.stderr };
}

describe('npm run audit:verify (offline)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ib-verify-cli-'));
  beforeAll(async () => {
    buildApi();
    await (await startTestApp({ DATA_DIR: dataDir, AUDIT_KEY })).close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given a stopped installation with an untouched log, then it prints that the chain holds and exits 0', () => {
    const { code, answer } = auditVerify(dataDir, { AUDIT_KEY });
    expect(code).toBe(0);
    expect(answer).toMatchObject({ ok: true, firstMismatch: null, keyConfigured: true });
    expect(answer.checked).toBeGreaterThan(0);
  });

  it('given no AUDIT_KEY, then it still verifies the chain and warns that signatures were not checked', () => {
    const { code, answer, stderr } = auditVerify(dataDir);
    expect(code).toBe(0);
    expect(answer).toMatchObject({ ok: true, keyConfigured: false });
    expect(stderr).toContain('AUDIT_KEY is not set');
  });

  it('given a stored event deleted, then it names the position and exits 1', () => {
    const db = new DatabaseSync(join(dataDir, 'events.sqlite'));
    db.exec('DELETE FROM events WHERE global_position = 2');
    db.close();
    const { code, answer } = auditVerify(dataDir, { AUDIT_KEY });
    expect(code).toBe(1);
    expect(answer).toMatchObject({ ok: false, firstMismatch: { position: 2, kind: 'deleted' } });
  });
});
