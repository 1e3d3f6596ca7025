import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AnyEvent,
  type ConnectionEvent,
  type ConnectionRequestEvent,
  connectionRequestStreamId,
  connectionStreamId,
} from '@ib/domain';
import { systemClock } from '../../infrastructure/clock';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { SqliteEventStore } from '../../infrastructure/event-store/sqlite-event-store';
import { uuidv7 } from '../../infrastructure/ids';
import { ProcessManagerRunner } from '../../infrastructure/process-managers/process-manager-runner';
import { InMemoryProcessCheckpoints } from '../../infrastructure/process-managers/testing/in-memory-process-checkpoints';
import { SecretShreddedError, SecretStoreUnavailableError } from '../../infrastructure/secrets/secret-errors';
import { SqliteSecretStore } from '../../infrastructure/secrets/secret-store';
import { SecretShreddingReactor } from './secret-shredding.reactor';

const at = '2025-03-04T05:06:07.000Z';
const details = { host: 'db.local', username: 'app' };

/** A secret store whose next `failures` shreds fail as if it could not be reached. */
class FlakySecretStore extends SqliteSecretStore {
  failures = 0;
  override shred(ref: string): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      return Promise.reject(new SecretStoreUnavailableError('not reachable now'));
    }
    return super.shred(ref);
  }
}

const eventually = async (check: () => Promise<boolean>, what: string, timeoutMs = 5000) => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('SecretShreddingReactor', () => {
  let folder: string;
  let store: SqliteEventStore;
  let secrets: FlakySecretStore;
  let runner: ProcessManagerRunner | undefined;

  const append = async (streamId: string, ...events: AnyEvent[]) => {
    const metadata = { actorId: 'root', correlationId: uuidv7(), causationId: uuidv7() };
    await store.append(
      streamId,
      events.map(({ type, data }) => ({ eventId: uuidv7(), type, data, metadata })),
      { expectedVersion: 'any' },
    );
  };
  const connection = (connectionId: string, secretRef?: string): ConnectionEvent => ({
    type: 'ConnectionCreated',
    data: {
      connectionId,
      environment: 'dev',
      name: connectionId,
      provider: 'mysql',
      details,
      secretRef,
      createdBy: 'root',
      createdAt: at,
    },
  });
  const rotated = (connectionId: string, secretRef: string, previousSecretRef: string): ConnectionEvent => ({
    type: 'ConnectionPasswordRotated',
    data: { connectionId, secretRef, previousSecretRef, rotatedBy: 'root', rotatedAt: at },
  });
  const deleted = (connectionId: string): ConnectionEvent => ({
    type: 'ConnectionDeleted',
    data: { connectionId, deletedBy: 'root', deletedAt: at },
  });
  const requested = (requestId: string, secretRef: string): ConnectionRequestEvent => ({
    type: 'ConnectionRequested',
    data: {
      requestId,
      environment: 'dev',
      name: requestId,
      provider: 'mysql',
      details,
      secretRef,
      requestedBy: 'dev',
      requestedAt: at,
    },
  });
  const start = async () => {
    runner = new ProcessManagerRunner(store, new InMemoryProcessCheckpoints(), {
      retryDelayMs: 20,
      idleCheckpointIntervalMs: 0,
    });
    new SecretShreddingReactor(secrets, new CommandRunner(store, systemClock), runner).onModuleInit();
    await runner.start();
  };
  const readable = (ref: string) =>
    secrets.get(ref).then(
      () => true,
      (error: unknown) => {
        if (error instanceof SecretShreddedError) return false;
        throw error;
      },
    );
  const destroyed = (ref: string) => eventually(async () => !(await readable(ref)), `${ref} destroyed`);

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'ib-secret-shredding-'));
    store = new SqliteEventStore({ file: join(folder, 'events.sqlite'), pollIntervalMs: 10 });
    secrets = new FlakySecretStore({ file: join(folder, 'secrets.sqlite'), masterKey: randomBytes(32) });
  });
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
    await store.close();
    await secrets.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('given secrets released before it ever ran, when it starts, then it destroys each of them and only them', async () => {
    const [replaced, current, ofDeleted, ofRejected, ofCancelled, ofApproved] = await Promise.all(
      ['replaced', 'current', 'deleted', 'rejected', 'cancelled', 'approved'].map((name) =>
        secrets.put(name),
      ),
    );
    await append(
      connectionStreamId('rotated'),
      connection('rotated', replaced!),
      rotated('rotated', current!, replaced!),
    );
    await append(connectionStreamId('gone'), connection('gone', ofDeleted!), deleted('gone'));
    await append(connectionRequestStreamId('rejected'), requested('rejected', ofRejected!), {
      type: 'ConnectionRequestRejected',
      data: { requestId: 'rejected', reason: 'no', rejectedBy: 'root', rejectedAt: at },
    });
    await append(connectionRequestStreamId('cancelled'), requested('cancelled', ofCancelled!), {
      type: 'ConnectionRequestCancelled',
      data: { requestId: 'cancelled', cancelledBy: 'dev', cancelledAt: at },
    });
    // An approved request's secret became its connection's: a later stray cancellation releases nothing.
    await append(
      connectionRequestStreamId('approved'),
      requested('approved', ofApproved!),
      {
        type: 'ConnectionRequestApproved',
        data: { requestId: 'approved', connectionId: 'from-request', approvedBy: 'root', approvedAt: at },
      },
      {
        type: 'ConnectionRequestCancelled',
        data: { requestId: 'approved', cancelledBy: 'dev', cancelledAt: at },
      },
    );

    await start();

    for (const ref of [replaced, ofDeleted, ofRejected, ofCancelled]) await destroyed(ref!);
    expect(await readable(current!)).toBe(true);
    expect(await readable(ofApproved!)).toBe(true);
  });

  it('given the secret store unreachable when a secret is released, then the event is handed over again until the secret is destroyed', async () => {
    await start();
    const ref = await secrets.put('to be destroyed');
    secrets.failures = 2;

    await append(connectionStreamId('c1'), connection('c1', ref), deleted('c1'));

    await destroyed(ref);
    expect(secrets.failures).toBe(0);
  });

  it('given a released secret destroyed already, or never stored here, then it goes on with the next ones', async () => {
    await start();
    const gone = await secrets.put('destroyed already');
    await secrets.shred(gone);
    const next = await secrets.put('the next one');

    await append(connectionStreamId('c1'), connection('c1', gone), deleted('c1'));
    await append(connectionStreamId('c2'), connection('c2', 'secret-never-stored'), deleted('c2'));
    await append(connectionStreamId('c3'), connection('c3', next), deleted('c3'));

    await destroyed(next);
  });
});
