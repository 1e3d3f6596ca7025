import { randomUUID } from 'node:crypto';
import { ProjectionRunner } from '../apps/api/src/infrastructure/read-model/projection-runner';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

/**
 * Who may call is read from views that must not lag (a withdrawn role, a revoked key): a request
 * waits for them to pass the head it saw, and when they cannot in time it is told to retry, never
 * answered from views that miss a write it could already see.
 */
describe('views that cannot catch up in time', () => {
  let t: TestApp;
  let admin: string;
  let runner: ProjectionRunner;

  beforeAll(async () => {
    t = await startTestApp({ READ_YOUR_WRITES_TIMEOUT_MS: '200' });
    admin = await t.login(ADMIN.username, ADMIN.password);
    runner = t.app.get(ProjectionRunner);
  });
  afterAll(() => t.close());

  it('given the projections stopped behind the head, when an authenticated request comes, then it answers 503 READ_MODEL.BEHIND with Retry-After, and 200 once they run again', async () => {
    // Given projections that stopped, and an event appended after they did
    await runner.stop();
    await t.store.append(
      `views-behind-${randomUUID()}`,
      [
        {
          eventId: randomUUID(),
          type: 'SomethingNoViewHandles',
          data: {},
          metadata: { actorId: 'test', correlationId: randomUUID(), causationId: randomUUID() },
        },
      ],
      { expectedVersion: 'no_stream' },
    );

    // When an authenticated request comes
    const behind = await t.http().get('/api/integrations').set(bearer(admin));

    // Then it is told to retry shortly, as a problem, and nothing is answered from stale views
    expect(behind.status).toBe(503);
    expect(behind.headers['retry-after']).toBe('1');
    expect(behind.body).toMatchObject({ status: 503, code: 'READ_MODEL.BEHIND' });

    // And once the projections run again, the same request is answered
    await runner.start();
    await t.http().get('/api/integrations').set(bearer(admin)).expect(200);
  });
});
