import { type RecordedEvent } from '@ib/domain';
import { meetsCriteria } from '../../apps/api/src/infrastructure/event-store/audit-query/audit-criteria-match';
import {
  type AuditCriteria,
  type AuditOrder,
  type AuditQuery,
} from '../../apps/api/src/infrastructure/event-store/audit-query/audit-query.port';
import { MAX_BRANCHES } from '../../apps/api/src/infrastructure/event-store/audit-query/audit-sql';
import {
  type EventStore,
  type NewEvent,
} from '../../apps/api/src/infrastructure/event-store/event-store.port';
import { uuidv7 } from '../../apps/api/src/infrastructure/ids';

export type AuditQueryContractFactory = Readonly<{
  /** A store (empty, or holding events of others) whose appends are recorded at `now()`. */
  create: (now: () => Date) => Promise<{ store: EventStore; query: AuditQuery }>;
  dispose: () => Promise<void>;
}>;

const START = Date.parse('2025-03-01T00:00:00.000Z');
const MINUTE = 60_000;
const ALICE = uuidv7();
const BOB = uuidv7();
const ACTORS = [ALICE, BOB, 'system'] as const;
const INTEGRATIONS = [uuidv7(), uuidv7(), uuidv7()];
const PUBLICATION = uuidv7();
/** Stream, its environment (user streams have none), and the types its events take in turn. */
const STREAMS: readonly (readonly [string, string | undefined, readonly string[]])[] = [
  [
    `integration-${INTEGRATIONS[0]}`,
    'development',
    ['IntegrationCreated', 'DatabaseSelected', 'IntegrationTablesAdded'],
  ],
  [`integration-${INTEGRATIONS[1]}`, 'qa', ['IntegrationCreated', 'IntegrationTablesAdded']],
  [`integration-deployments-${INTEGRATIONS[0]}`, 'qa', ['VersionPromoted', 'ConnectionBound']],
  [`integration-publications-${INTEGRATIONS[0]}`, 'development', ['PublicationStarted']],
  [`publication-${PUBLICATION}`, 'development', ['IntegrationPublishRequested', 'IntegrationPublished']],
  [`connection-request-${uuidv7()}`, 'qa', ['ConnectionRequested', 'ConnectionRequestApproved']],
  ['user-alice', undefined, ['UserRegistered', 'UserRolesChanged', 'UserLoggedOut']],
  ['user-bob-the-builder', undefined, ['UserRegistered', 'UserRolesChanged']],
  ['environment-qa-eu', 'qa-eu', ['EnvironmentCreated']],
];
const CORRELATIONS = ['correlation-a', 'correlation-b', 'correlation-c', 'correlation-d'];
const APPENDS = 60;

/** The log of the contract: 60 appends of one or two events, a minute apart, over every kind of stream. */
async function appendSampleLog(store: EventStore, clock: { now: number }): Promise<void> {
  const versions = new Map<string, number>();
  for (let index = 0; index < APPENDS; index++) {
    const [streamId, environment, types] = STREAMS[(index * 7) % STREAMS.length];
    const count = 1 + (index % 2);
    const before = versions.get(streamId) ?? -1;
    const events: NewEvent[] = Array.from({ length: count }, (_, offset) => ({
      eventId: uuidv7(),
      type: types[(before + 1 + offset) % types.length],
      data: { index, note: 'a "quoted", comma\nline' },
      metadata: {
        actorId: ACTORS[Math.floor(index / 2) % ACTORS.length],
        correlationId: CORRELATIONS[index % CORRELATIONS.length],
        causationId: `request-${index}`,
        ...(environment === undefined ? {} : { environment }),
      },
    }));
    clock.now = START + index * MINUTE;
    const { nextExpectedVersion } = await store.append(streamId, events, { expectedVersion: before });
    versions.set(streamId, nextExpectedVersion);
  }
}

const at = (minutes: number) => new Date(START + minutes * MINUTE).toISOString();

/** Criteria that exercise each filter, their combinations and the ways a search is split. */
const CASES: readonly (readonly [string, AuditCriteria])[] = [
  ['everything', {}],
  ['one actor', { actorIds: [ALICE] }],
  ['two actors', { actorIds: [ALICE, 'system'] }],
  ['one type', { types: ['IntegrationTablesAdded'] }],
  ['several types', { types: ['IntegrationCreated', 'UserRolesChanged', 'ConnectionBound'] }],
  [
    'more types than statements',
    {
      types: Array.from({ length: MAX_BRANCHES + 3 }, (_, i) => `Type${i}`).concat([
        'IntegrationCreated',
        'UserRegistered',
      ]),
    },
  ],
  ['one stream', { streamIds: [`integration-${INTEGRATIONS[0]}`] }],
  [
    "a publication and an integration's publications",
    { streamIds: [`publication-${PUBLICATION}`, `integration-publications-${INTEGRATIONS[0]}`] },
  ],
  ['a category, not the ones it prefixes', { categories: ['integration'] }],
  ['two categories', { categories: ['publication', 'integration-publications'] }],
  ['users by category', { categories: ['user'] }],
  ['an environment', { scope: { environments: ['qa'], streamIds: [] } }],
  [
    'an environment and its users',
    { scope: { environments: ['qa'], streamIds: ['user-alice', 'user-bob-the-builder'] } },
  ],
  [
    'two environments and a user',
    { scope: { environments: ['qa', 'development'], streamIds: ['user-alice'] } },
  ],
  [
    'more environments than statements',
    {
      scope: {
        environments: [...Array.from({ length: MAX_BRANCHES }, (_, i) => `env-${i}`), 'qa'],
        streamIds: ['user-alice'],
      },
    },
  ],
  ['a correlation', { correlationId: 'correlation-b' }],
  ['from', { from: at(30) }],
  ['to', { to: at(12) }],
  ['from and to', { from: at(10), to: at(20) }],
  ['a time between two appends', { from: at(10.5), to: at(11.5) }],
  [
    'environment, type and actor',
    {
      scope: { environments: ['development'], streamIds: [] },
      types: ['IntegrationTablesAdded', 'IntegrationCreated'],
      actorIds: [BOB],
    },
  ],
  [
    'actor and category in a time range',
    { actorIds: ['system'], categories: ['integration', 'user'], from: at(5), to: at(50) },
  ],
  [
    'stream and scope that exclude each other',
    { streamIds: ['user-alice'], scope: { environments: ['qa'], streamIds: [] } },
  ],
];

/** Every page of a search, through `next`, in `limit`-sized pages. */
async function everyPage(query: AuditQuery, criteria: AuditCriteria, order: AuditOrder, limit: number) {
  const events: RecordedEvent[] = [];
  let after: number | undefined;
  for (let pages = 0; pages < 1_000; pages++) {
    const page = await query.search(criteria, { order, after, limit });
    expect(page.events.length).toBeLessThanOrEqual(limit);
    if (page.next !== undefined) expect(page.events.length).toBe(limit);
    events.push(...page.events);
    if (page.next === undefined) return events;
    after = page.next;
  }
  throw new Error('The pages never ended');
}

export function describeAuditQueryContract(name: string, factory: AuditQueryContractFactory): void {
  describe(`${name} answers the audit search`, () => {
    const clock = { now: START };
    let store: EventStore;
    let query: AuditQuery;
    let log: RecordedEvent[];

    beforeAll(async () => {
      ({ store, query } = await factory.create(() => new Date(clock.now)));
      await appendSampleLog(store, clock);
      log = await store.readAll({ fromPosition: 0, limit: 100_000 });
    });
    afterAll(() => factory.dispose());

    const expected = (criteria: AuditCriteria, order: AuditOrder) => {
      const found = log.filter((event) => meetsCriteria(criteria, event));
      return order === 'desc' ? found.reverse() : found;
    };
    const ids = (events: readonly RecordedEvent[]) => events.map((event) => event.eventId);

    it.each(CASES)(
      'given the log, when searching %s page by page both ways, then every event that meets it comes once, in order',
      async (_, criteria) => {
        for (const order of ['desc', 'asc'] as const) {
          const wanted = ids(expected(criteria, order));
          expect(ids(await everyPage(query, criteria, order, 4))).toEqual(wanted);
          expect(ids(await everyPage(query, criteria, order, 500))).toEqual(wanted);
        }
      },
    );

    it('given the cases, then each of them matches some events and misses others (the log exercises them)', () => {
      const matching = CASES.filter(([, criteria]) => {
        const found = expected(criteria, 'asc').length;
        return found > 0 && found < log.length;
      }).map(([caseName]) => caseName);
      expect(matching).toEqual(
        CASES.slice(1)
          .filter(([caseName]) => !caseName.includes('exclude'))
          .map(([caseName]) => caseName),
      );
    });

    it('given a cursor in the middle of the log, when searching after it, then the page starts right after it in that order', async () => {
      const middle = log[Math.floor(log.length / 2)].globalPosition;

      const newer = await query.search({}, { order: 'asc', after: middle, limit: 2 });
      const older = await query.search({}, { order: 'desc', after: middle, limit: 2 });

      expect(newer.events.map((event) => event.globalPosition)).toEqual(
        log
          .filter((event) => event.globalPosition > middle)
          .slice(0, 2)
          .map((event) => event.globalPosition),
      );
      expect(older.events.map((event) => event.globalPosition)).toEqual(
        log
          .filter((event) => event.globalPosition < middle)
          .slice(-2)
          .reverse()
          .map((event) => event.globalPosition),
      );
    });

    it('given recorded times, then from is inclusive and to exclusive, to the millisecond', async () => {
      const page = await query.search({ from: at(10), to: at(11) }, { order: 'asc', limit: 500 });

      expect(page.events.map((event) => event.recordedAt)).toEqual(
        log.filter((event) => event.recordedAt === at(10)).map(() => at(10)),
      );
      expect(page.events.length).toBeGreaterThan(0);
    });

    it.each([
      ['no type', { types: [] }],
      ['no stream', { streamIds: [] }],
      ['no actor', { actorIds: [] }],
      ['an empty scope', { scope: { environments: [], streamIds: [] } }],
      ['from after to', { from: at(20), to: at(10) }],
      ['a time range before the log', { to: '2000-01-01T00:00:00.000Z' }],
    ] as const)('given %s, when searching, then nothing is found', async (_, criteria) => {
      expect(await query.search(criteria as AuditCriteria, { order: 'desc', limit: 10 })).toEqual({
        events: [],
      });
    });

    it('given every event, when read in pages for an export, then each page comes in order and together they are the log', async () => {
      const pages: RecordedEvent[][] = [];
      for await (const page of query.pages({}, 'desc', 7)) pages.push(page);

      expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);
      expect(ids(pages.flat())).toEqual(ids([...log].reverse()));
    });

    it('given an event as the search answers it, then it is the event as read from its stream', async () => {
      const [found] = (await query.search({ streamIds: ['user-alice'] }, { order: 'asc', limit: 1 })).events;
      const { events } = await store.readStream('user-alice');

      expect(found).toEqual(events[0]);
    });
  });
}
