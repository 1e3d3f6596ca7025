import { integrationDeploymentsStreamId } from '@ib/domain';
import { eventually, SAMPLE_CONNECTION_ID } from '../support/publishing';
import {
  type HistoryScenario,
  LOG_STARTS_AT,
  playHistoryScenario,
  REQUEST_PASSWORD,
  startAppWithTickingLog,
} from '../support/history-scenario';
import { bearer, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

type Entry = Readonly<{ version: number; type: string; recordedAt: string }>;

/** Half a second after a moment the log recorded (events are a second apart). */
const justAfter = (recordedAt: string) => new Date(Date.parse(recordedAt) + 500).toISOString();
const justBefore = (recordedAt: string) => new Date(Date.parse(recordedAt) - 500).toISOString();

/** Objects as they were, folded from the event log, in the shape their GET answers now. */
describe('GET .../:id?asOf= and ?version=', () => {
  let t: TestApp;
  let s: HistoryScenario;

  const get = (path: string, token: string, query: Record<string, string | number> = {}) =>
    t.http().get(path).query(query).set(bearer(token));
  const entries = async (path: string, token: string) =>
    (await get(`${path}/history`, token).expect(200)).body.items as Entry[];
  const recordedAtOf = (items: readonly Entry[], type: string) => {
    const entry = items.find((item) => item.type === type);
    if (entry === undefined) throw new Error(`No ${type} in ${JSON.stringify(items)}`);
    return entry.recordedAt;
  };

  beforeAll(async () => {
    t = await startAppWithTickingLog();
    s = await playHistoryScenario(t);
  });
  afterAll(() => t.close());

  describe('an integration', () => {
    const path = () => `/api/integrations/${s.integrationId}`;

    it('given its current version, when asked for it, then the answer is the very document its GET answers', async () => {
      const current = await eventually(async () => {
        const { body } = await get(path(), s.hana).expect(200);
        return body.publishedVersion === 1 ? body : undefined;
      }, 'the published integration in the read model');

      const past = await get(path(), s.hana, { version: current.version }).expect(200);

      expect(past.body).toEqual(current);
      expect(past.headers.etag).toBe(`"${current.version}"`);
    });

    it('given a moment between two of its events, when asked, then it is as the earlier one left it', async () => {
      const items = await entries(path(), s.hana);

      const { body } = await get(path(), s.hana, {
        asOf: justAfter(recordedAtOf(items, 'IntegrationDatabaseSelected')),
      }).expect(200);

      expect(body).toMatchObject({
        version: 2,
        applicationName: 'Shop',
        connectionId: SAMPLE_CONNECTION_ID,
        database: 'main',
        entities: [],
        unpublishedChanges: true,
      });
      expect(body).toEqual((await get(path(), s.hana, { version: 2 }).expect(200)).body);
    });

    it('given a moment just before its publication, when asked, then it was renamed but not yet published', async () => {
      const items = await entries(path(), s.hana);

      const { body } = await get(path(), s.hana, {
        asOf: justBefore(recordedAtOf(items, 'IntegrationPublished')),
      }).expect(200);

      expect(body).toMatchObject({ version: 5, applicationName: 'Shop renamed', unpublishedChanges: true });
      expect(body.publishedVersion).toBeUndefined();
    });

    it('given a version, when asked, then it is that version as it stood last (its publication included)', async () => {
      const first = await get(path(), s.hana, { version: 0 }).expect(200);
      const renamed = await get(path(), s.hana, { version: 5 }).expect(200);

      expect(first.body).toMatchObject({ version: 0, applicationName: 'Shop', entities: [] });
      expect(first.body.connectionId).toBeUndefined();
      expect(renamed.body).toMatchObject({ applicationName: 'Shop renamed', publishedVersion: 1 });
    });

    it('given a moment before it was created, or a version it never had, when asked, then it did not exist then', async () => {
      const before = await get(path(), s.hana, { asOf: new Date(LOG_STARTS_AT).toISOString() });
      const later = await get(path(), s.hana, { version: 6 });

      expect([before.status, before.body.code, before.body.detail]).toEqual([
        404,
        'INTEGRATION.NOT_FOUND',
        `Integration ${s.integrationId} did not exist at 2025-01-01T00:00:00.000Z`,
      ]);
      expect([later.status, later.body.code, later.body.detail]).toEqual([
        404,
        'INTEGRATION.NOT_FOUND',
        `Integration ${s.integrationId} did not exist at version 6`,
      ]);
    });

    it('given a moment long after its last event, when asked, then it is as it is now', async () => {
      const now = await get(path(), s.hana, { version: 5 }).expect(200);

      const { body } = await get(path(), s.hana, { asOf: '2999-01-01T00:00:00+02:00' }).expect(200);

      expect(body).toEqual(now.body);
    });

    it.each([
      ['a date without a time', { asOf: '2025-01-01' }, 'asOf'],
      ['a time without an offset', { asOf: '2025-01-01T00:00:00' }, 'asOf'],
      ['a day that does not exist', { asOf: '2025-02-30T00:00:00Z' }, 'asOf'],
      ['words', { asOf: 'yesterday' }, 'asOf'],
      ['a negative version', { version: -1 }, 'version'],
      ['a fractional version', { version: 1.5 }, 'version'],
      ['a version that is no number', { version: 'latest' }, 'version'],
      ['both a moment and a version', { asOf: '2025-01-01T00:00:00Z', version: 1 }, 'version'],
    ])('given %s, when asked, then it is bad input', async (_case, query, field) => {
      const answer = await get(path(), s.hana, query);

      expect([answer.status, answer.body.code]).toEqual([400, 'REQUEST.INVALID']);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });
  });

  describe('a connection request and its connection', () => {
    it('given a moment before its approval, when asked, then it was pending, and never shows the password', async () => {
      const path = `/api/connection-requests/${s.approvedRequestId}`;
      const items = await entries(path, s.hana);

      const pending = await get(path, s.hana, {
        asOf: justBefore(recordedAtOf(items, 'ConnectionRequestApproved')),
      }).expect(200);
      const approved = await get(path, s.hana, { version: 1 }).expect(200);

      expect(pending.body).toMatchObject({ status: 'pending', version: 0, name: 'Wanted' });
      expect(pending.body.decidedBy).toBeUndefined();
      expect(pending.headers.etag).toBe('"0"');
      expect(approved.body).toEqual((await get(path, s.hana).expect(200)).body);
      expect(JSON.stringify([pending.body, approved.body])).not.toMatch(
        new RegExp(`${REQUEST_PASSWORD}|secretRef`),
      );
    });

    it('given the connection the approval created, when asked for its first version, then it is its GET, without secret', async () => {
      const path = `/api/connections/${s.requestedConnectionId}`;

      const past = await get(path, s.hana, { version: 0 }).expect(200);

      expect(past.body).toEqual((await get(path, s.hana).expect(200)).body);
      expect(past.body).toMatchObject({ hasSecret: true, requestId: s.approvedRequestId });
      expect(JSON.stringify(past.body)).not.toMatch(new RegExp(`${REQUEST_PASSWORD}|secretRef`));
      const before = await get(path, s.hana, { asOf: new Date(LOG_STARTS_AT).toISOString() });
      expect([before.status, before.body.code]).toEqual([404, 'CONNECTION.NOT_FOUND']);
    });
  });

  it('given a user whose roles changed, when asked for their first version, then they held their first grants only', async () => {
    const path = `/api/users/${s.ivanId}`;

    const first = await get(path, s.admin, { version: 0 }).expect(200);
    const latest = await get(path, s.admin, { version: 1 }).expect(200);

    expect(first.body).toMatchObject({
      username: 'ivan',
      roles: [{ environment: 'development', role: 'developer' }],
    });
    expect(latest.body).toEqual((await get(path, s.admin).expect(200)).body);
  });

  it('given an environment, when asked before its creation and at its first version, then it did not exist, then it is its GET', async () => {
    const before = await get('/api/environments/qa', s.admin, {
      asOf: new Date(LOG_STARTS_AT).toISOString(),
    });
    const created = await get('/api/environments/qa', s.admin, { version: 0 }).expect(200);

    expect([before.status, before.body.code]).toEqual([404, 'ENVIRONMENT.NOT_FOUND']);
    expect(created.body).toEqual((await get('/api/environments/qa', s.admin).expect(200)).body);
  });

  describe('who travels back in time', () => {
    type Caller = 'hana' | 'gil' | 'auditor' | 'otherAdmin' | 'admin';
    const statuses = async (path: string, query: Record<string, string | number>) => {
      const callers: (Caller | 'anonymous')[] = [
        'hana',
        'gil',
        'auditor',
        'otherAdmin',
        'admin',
        'anonymous',
      ];
      const actual: Record<string, number> = {};
      for (const caller of callers) {
        const call = t.http().get(path).query(query);
        actual[caller] = (caller === 'anonymous' ? await call : await call.set(bearer(s[caller]))).status;
      }
      return actual;
    };

    it('lets who reads an object now, and its environment’s auditors, see its past; to anyone else it does not exist', async () => {
      expect(await statuses(`/api/integrations/${s.integrationId}`, { version: 0 })).toEqual({
        hana: 200,
        gil: 200,
        auditor: 200,
        otherAdmin: 404,
        admin: 200,
        anonymous: 401,
      });
      expect(await statuses(`/api/connection-requests/${s.rejectedRequestId}`, { version: 0 })).toEqual({
        hana: 200,
        gil: 404,
        auditor: 200,
        otherAdmin: 404,
        admin: 200,
        anonymous: 401,
      });
      expect(await statuses(`/api/users/${s.ivanId}`, { version: 0 })).toEqual({
        hana: 404,
        gil: 404,
        auditor: 200,
        otherAdmin: 404,
        admin: 200,
        anonymous: 401,
      });
    });
  });
});

describe('GET /api/environments/:env/deployments', () => {
  let t: TestApp;
  let s: HistoryScenario;

  const deployments = (environment: string, token: string, query: Record<string, string> = {}) =>
    t.http().get(`/api/environments/${environment}/deployments`).query(query).set(bearer(token));

  beforeAll(async () => {
    t = await startAppWithTickingLog();
    s = await playHistoryScenario(t);
  });
  afterAll(() => t.close());

  /** When the version reached qa, and when its connection was bound there. */
  const qaMoments = async () => {
    const { events } = await t.store.readStream(integrationDeploymentsStreamId(s.integrationId));
    const inQa = events.filter((event) => (event.data as { environment: string }).environment === 'qa');
    const at = (type: string) => inQa.find((event) => event.type === type)?.recordedAt ?? '';
    return { deployed: at('VersionDeployed'), bound: at('ConnectionBound') };
  };

  it('given a version promoted to qa and a connection bound there, when asked now, then both are answered', async () => {
    const { body } = await deployments('qa', s.admin).expect(200);

    expect(body).toEqual({
      items: [
        expect.objectContaining({
          integrationId: s.integrationId,
          environment: 'qa',
          environmentKind: 'qa',
          version: 1,
          binding: expect.objectContaining({ connectionId: s.qaConnectionId, connectionProvider: 'sqlite' }),
        }),
      ],
      total: 1,
    });
  });

  it('given a moment between the promotion and the binding, when asked, then the version was there without a connection', async () => {
    const { deployed, bound } = await qaMoments();

    const between = await deployments('qa', s.admin, { asOf: justAfter(deployed) }).expect(200);
    const afterBinding = await deployments('qa', s.admin, { asOf: justAfter(bound) }).expect(200);

    expect(between.body.items).toEqual([
      expect.objectContaining({ integrationId: s.integrationId, version: 1, binding: null }),
    ]);
    expect(afterBinding.body).toEqual((await deployments('qa', s.admin).expect(200)).body);
  });

  it('given a moment before the promotion, when asked, then nothing was deployed in qa', async () => {
    const { deployed } = await qaMoments();

    const { body } = await deployments('qa', s.admin, { asOf: justBefore(deployed) }).expect(200);

    expect(body).toEqual({ items: [], total: 0 });
  });

  it('given development, where the publication deployed it, when asked, then its members and auditors see it there', async () => {
    for (const token of [s.hana, s.auditor]) {
      const { body } = await deployments('development', token).expect(200);
      expect(body.items).toEqual([expect.objectContaining({ integrationId: s.integrationId, version: 1 })]);
    }
  });

  it('lets the members of the environment and owners read its deployments; to others it does not exist', async () => {
    const asOf = new Date(LOG_STARTS_AT).toISOString();
    const statuses = await Promise.all([
      deployments('qa', s.hana, { asOf }),
      deployments('qa', s.auditor),
      deployments('qa', s.otherAdmin, { asOf }),
      deployments('nowhere', s.admin),
      t.http().get('/api/environments/qa/deployments'),
    ]);

    expect(statuses.map(({ status, body }) => [status, body.code])).toEqual([
      [404, 'ENVIRONMENT.NOT_FOUND'],
      [404, 'ENVIRONMENT.NOT_FOUND'],
      [404, 'ENVIRONMENT.NOT_FOUND'],
      [404, 'ENVIRONMENT.NOT_FOUND'],
      [401, expect.any(String)],
    ]);
  });

  it('given a moment that is no date-time, when asked, then it is bad input', async () => {
    const answer = await deployments('qa', s.admin, { asOf: 'last tuesday' });

    expect([answer.status, answer.body.code]).toEqual([400, 'REQUEST.INVALID']);
  });
});
