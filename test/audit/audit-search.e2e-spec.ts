import { type RecordedEvent } from '@ib/domain';
import { bearer } from '../support/test-app';
import { AWKWARD_NAME, type AuditWorld, CORRELATION, type Item, SECRET, auditWorld } from './audit-fixture';

describe('GET /api/audit: the audit search', () => {
  let world: AuditWorld;
  let log: RecordedEvent[];
  beforeAll(async () => {
    world = await auditWorld();
    log = await world.log();
  }, 60_000);
  afterAll(() => world.close());

  const search = (token: string, query: Record<string, string | number> = {}) =>
    world.t.http().get('/api/audit').query(query).set(bearer(token));
  const page = async (token: string, query: Record<string, string | number> = {}) => {
    const response = await search(token, query).expect(200);
    return response.body as { items: Item[]; next: string | null };
  };
  /** Every page through `next`. */
  const everything = async (token: string, query: Record<string, string | number> = {}) => {
    const items: Item[] = [];
    for (let after: string | null | undefined; ;) {
      const answer = await page(token, { ...query, ...(after ? { after } : {}) });
      items.push(...answer.items);
      if (answer.next === null) return items;
      after = answer.next;
    }
  };
  const positions = (items: readonly { position?: number; globalPosition?: number }[]) =>
    items.map((item) => item.position ?? item.globalPosition);
  const newestFirst = (events: readonly RecordedEvent[]) => [...events].reverse();
  const matching = (predicate: (event: RecordedEvent) => boolean) =>
    positions(newestFirst(log.filter(predicate)));

  describe('what an owner reads', () => {
    it('given no filter, when paging to the end newest first, then every event of the log comes once, newest first', async () => {
      const items = await everything(world.callers.owner, { limit: 7 });

      expect(positions(items)).toEqual(positions(newestFirst(log)));
    });

    it('given order=asc, when paging to the end, then every event comes oldest first', async () => {
      const items = await everything(world.callers.owner, { limit: 7, order: 'asc' });

      expect(positions(items)).toEqual(positions(log));
    });

    it('given an event, then it is answered with its actor by id and username, its environment and correlation', async () => {
      const { items } = await page(world.callers.owner, { type: 'IntegrationCreated', limit: 1 });

      const created = log.find((event) => event.type === 'IntegrationCreated')!;
      expect(items).toEqual([
        {
          position: created.globalPosition,
          eventId: created.eventId,
          type: 'IntegrationCreated',
          streamId: `integration-${world.ids.integrationId}`,
          streamVersion: 0,
          recordedAt: created.recordedAt,
          actor: { id: world.ids.developerUserId, username: 'audit-dora' },
          environment: 'development',
          correlationId: CORRELATION,
          causationId: created.metadata.causationId,
          data: expect.objectContaining({ applicationName: AWKWARD_NAME }),
        },
      ]);
    });

    it('given what the system did at first start, then its actor is named system', async () => {
      const { items } = await page(world.callers.owner, { actor: 'system', order: 'asc', limit: 1 });

      expect(items[0].actor).toEqual({ id: 'system', username: 'system' });
    });

    it('given a connection created with a password, then no answer holds the password, only its reference', async () => {
      const response = await search(world.callers.owner, { limit: 500 }).expect(200);

      expect(response.text).not.toContain(SECRET);
      const created = (response.body as { items: Item[] }).items.find(
        (item) => item.type === 'ConnectionCreated' && item.environment === 'qa',
      );
      expect(created?.data).toEqual(expect.objectContaining({ secretRef: expect.any(String) }));
    });
  });

  describe('filters', () => {
    it.each([
      [
        'actor by user id',
        () => ({ actor: world.ids.developerUserId }),
        (event: RecordedEvent) => event.metadata.actorId === world.ids.developerUserId,
      ],
      [
        'actor by username',
        () => ({ actor: 'audit-dora' }),
        (event: RecordedEvent) => event.metadata.actorId === world.ids.developerUserId,
      ],
      [
        'one type',
        () => ({ type: 'UserRegistered' }),
        (event: RecordedEvent) => event.type === 'UserRegistered',
      ],
      [
        'several types',
        () => ({ type: 'UserRolesChanged,ConnectionCreated' }),
        (event: RecordedEvent) => ['UserRolesChanged', 'ConnectionCreated'].includes(event.type),
      ],
      [
        'one stream',
        () => ({ stream: 'user-audit-moved' }),
        (event: RecordedEvent) => event.streamId === 'user-audit-moved',
      ],
      [
        'an aggregate kind (integration is not integration-deployments)',
        () => ({ aggregate: 'integration' }),
        (event: RecordedEvent) => /^integration-[0-9a-f-]{36}$/.test(event.streamId),
      ],
      [
        'one integration',
        () => ({ aggregate: 'integration', id: world.ids.integrationId }),
        (event: RecordedEvent) => event.streamId === `integration-${world.ids.integrationId}`,
      ],
      [
        'one connection',
        () => ({ aggregate: 'connection', id: world.ids.qaConnectionId }),
        (event: RecordedEvent) => event.streamId === `connection-${world.ids.qaConnectionId}`,
      ],
      [
        'a user by id',
        () => ({ aggregate: 'user', id: world.ids.movedUserId }),
        (event: RecordedEvent) => event.streamId === 'user-audit-moved',
      ],
      [
        'a user by username',
        () => ({ aggregate: 'user', id: 'Audit-Moved' }),
        (event: RecordedEvent) => event.streamId === 'user-audit-moved',
      ],
      [
        'the api keys',
        () => ({ aggregate: 'api-key' }),
        (event: RecordedEvent) => event.streamId.startsWith('api-key-'),
      ],
      [
        'an environment',
        () => ({ aggregate: 'environment', id: 'qa' }),
        (event: RecordedEvent) => event.streamId === 'environment-qa',
      ],
      [
        'a correlation id',
        () => ({ correlationId: CORRELATION }),
        (event: RecordedEvent) => event.metadata.correlationId === CORRELATION,
      ],
      [
        'actor and type together',
        () => ({ actor: 'system', type: 'UserRegistered,ConnectionCreated' }),
        (event: RecordedEvent) =>
          event.metadata.actorId === 'system' && ['UserRegistered', 'ConnectionCreated'].includes(event.type),
      ],
      [
        'stream and aggregate that name the same stream',
        () => ({
          stream: 'user-audit-moved',
          aggregate: 'user',
          id: 'audit-moved',
          type: 'UserRolesChanged',
        }),
        (event: RecordedEvent) => event.streamId === 'user-audit-moved' && event.type === 'UserRolesChanged',
      ],
    ])(
      'given %s, when paging to the end, then exactly its events come, newest first',
      async (_, query, predicate) => {
        const wanted = matching(predicate);

        expect(positions(await everything(world.callers.owner, { ...query(), limit: 2 }))).toEqual(wanted);
        expect(wanted.length).toBeGreaterThan(0);
      },
    );

    it('given a stream and an aggregate that name different streams, then nothing comes', async () => {
      expect(
        await page(world.callers.owner, { stream: 'user-audit-moved', aggregate: 'integration' }),
      ).toEqual({
        items: [],
        next: null,
      });
    });

    it('given an environment, then its events and those of the users who held a role there come', async () => {
      const items = await everything(world.callers.owner, { environment: 'qa' });

      // The administrator got the admin role in qa by creating it.
      const qaUsers = ['user-audit-quinn', 'user-audit-moved', 'user-admin'];
      expect(positions(items)).toEqual(
        matching((event) => event.metadata.environment === 'qa' || qaUsers.includes(event.streamId)),
      );
    });

    it('given a time range, then from is inclusive and to exclusive', async () => {
      const times = [...new Set(log.map((event) => event.recordedAt))];
      const [from, to] = [times[2], times[times.length - 2]];

      const items = await everything(world.callers.owner, { from, to, order: 'asc' });

      expect(positions(items)).toEqual(
        positions(log.filter((event) => event.recordedAt >= from && event.recordedAt < to)),
      );
      expect(items.length).toBeGreaterThan(0);
    });

    it('given filters combined with a time range and a cursor deep in the answer, then paging goes on from it', async () => {
      const [first] = log.filter((event) => event.type === 'UserRegistered');
      const query = { type: 'UserRegistered,UserRolesChanged', from: first.recordedAt, limit: 1 };

      const firstPage = await page(world.callers.owner, query);
      const rest = await everything(world.callers.owner, { ...query, after: firstPage.next! });

      expect(positions([...firstPage.items, ...rest])).toEqual(
        matching(
          (event) =>
            ['UserRegistered', 'UserRolesChanged'].includes(event.type) &&
            event.recordedAt >= first.recordedAt,
        ),
      );
    });
  });

  describe('who reads what', () => {
    it('given no credentials, then 401', async () => {
      await world.t.http().get('/api/audit').expect(401);
    });

    it('given a developer, then 403 AUTH.AUDITOR_REQUIRED', async () => {
      const response = await search(world.callers.developer).expect(403);

      expect(response.body).toMatchObject({ code: 'AUTH.AUDITOR_REQUIRED' });
    });

    it('given an auditor of qa, then the events of qa and of its users, the withdrawal from qa included, and nothing else', async () => {
      const items = await everything(world.callers.qaAuditor, { limit: 5 });

      // The administrator got the admin role in qa by creating it.
      const qaUsers = ['user-audit-quinn', 'user-audit-moved', 'user-admin'];
      expect(positions(items)).toEqual(
        matching((event) => event.metadata.environment === 'qa' || qaUsers.includes(event.streamId)),
      );
      expect(items.map((item) => item.type)).toEqual(
        expect.arrayContaining(['ConnectionCreated', 'UserRolesChanged', 'EnvironmentCreated']),
      );
      expect(
        items.some((item) => item.environment === 'development' || item.environment === 'production'),
      ).toBe(false);
    });

    it('given an auditor of qa asking for development, then 403 AUTH.AUDITOR_REQUIRED', async () => {
      const response = await search(world.callers.qaAuditor, { environment: 'development' }).expect(403);

      expect(response.body).toMatchObject({ code: 'AUTH.AUDITOR_REQUIRED' });
    });

    it('given an auditor of qa asking for qa with a filter, then the filter applies within qa', async () => {
      const items = await everything(world.callers.qaAuditor, {
        environment: 'qa',
        type: 'ConnectionCreated',
      });

      expect(positions(items)).toEqual(
        matching((event) => event.metadata.environment === 'qa' && event.type === 'ConnectionCreated'),
      );
    });

    it('given an admin of production, then production events only: none of qa nor development', async () => {
      const items = await everything(world.callers.productionAdmin);

      expect(positions(items)).toEqual(
        matching(
          (event) =>
            event.metadata.environment === 'production' ||
            ['user-audit-pat', 'user-admin'].includes(event.streamId),
        ),
      );
      expect(items.map((item) => item.type)).toEqual(expect.arrayContaining(['ApiKeyCreated']));
    });

    it('given an admin of production asking for qa, then 403', async () => {
      await search(world.callers.productionAdmin, { environment: 'qa' }).expect(403);
    });

    it('given an owner asking for any environment, then it is answered', async () => {
      await search(world.callers.owner, { environment: 'production' }).expect(200);
    });
  });

  describe('bad filters', () => {
    it.each([
      ['an unknown aggregate', { aggregate: 'invoice' }, 'aggregate'],
      ['id without aggregate', { id: 'x' }, 'id'],
      ['a bad time', { from: 'last tuesday' }, 'from'],
      ['limit 0', { limit: 0 }, 'limit'],
      ['limit 501', { limit: 501 }, 'limit'],
      ['a bad cursor', { after: 'not-a-cursor' }, 'after'],
      ['a cursor of the other order', { after: Buffer.from('a5').toString('base64url') }, 'after'],
    ])('given %s, then a 400 problem naming it', async (_, query, field) => {
      const response = await search(world.callers.owner, query).expect(400);

      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 400, code: 'AUDIT.INVALID_FILTER' });
      expect(JSON.stringify(response.body)).toContain(field);
    });

    it('given an unknown parameter, then a 400', async () => {
      await search(world.callers.owner, { colour: 'red' }).expect(400);
    });

    it('given a bad filter from a developer, then the filter is what is refused first', async () => {
      await search(world.callers.developer, { aggregate: 'invoice' }).expect(400);
    });
  });
});
