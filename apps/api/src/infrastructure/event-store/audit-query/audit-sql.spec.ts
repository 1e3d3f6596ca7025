import { type EventRow } from '../stored-event';
import {
  auditBranches,
  auditStatement,
  AUDIT_INDEXES,
  chooseAccess,
  drivingIndexes,
  MAX_BRANCHES,
  mergeBranchPages,
  pageWindow,
  probeStatement,
  RECORDED_AT_SKEW_MS,
  shiftedTime,
  TIME_BOUND_SQL,
  timeBounds,
} from './audit-sql';

const row = (position: number): EventRow => [position, `event-${position}`, 's', 0, 't', 1, '{}', '{}', ''];
const positions = (rows: readonly EventRow[]) => rows.map((event) => event[0]);
const indexNamed = (name: string) => AUDIT_INDEXES.find((index) => index.name === name)!;

describe('auditBranches', () => {
  it('given one value per filter, then one statement holds them all as equalities', () => {
    expect(
      auditBranches({ actorIds: ['alice'], types: ['IntegrationCreated'], correlationId: 'c-1' }),
    ).toEqual([
      {
        equals: [
          ['correlation_id', 'c-1'],
          ['actor_id', 'alice'],
          ['type', 'IntegrationCreated'],
        ],
        anyOf: [],
      },
    ]);
  });

  it('given lists, then each value gets its statement: each is a scan of one index in position order', () => {
    const branches = auditBranches({
      types: ['A', 'B'],
      categories: ['publication', 'integration-publications'],
    });

    expect(branches.map((branch) => branch.equals)).toEqual([
      [
        ['type', 'A'],
        ['stream_category', 'publication'],
      ],
      [
        ['type', 'A'],
        ['stream_category', 'integration-publications'],
      ],
      [
        ['type', 'B'],
        ['stream_category', 'publication'],
      ],
      [
        ['type', 'B'],
        ['stream_category', 'integration-publications'],
      ],
    ]);
  });

  it('given a list that would make too many statements, then it stays one list', () => {
    const types = Array.from({ length: MAX_BRANCHES + 1 }, (_, index) => `Type${index}`);

    expect(auditBranches({ types, actorIds: ['alice'] })).toEqual([
      { equals: [['actor_id', 'alice']], anyOf: [['type', types]] },
    ]);
  });

  it('given a scope, then each environment and the list of its users are alternatives, the users walked by their category', () => {
    const branches = auditBranches({
      scope: { environments: ['qa', 'production'], streamIds: ['user-alice', 'user-bob'] },
      types: ['UserRolesChanged'],
    });

    expect(branches).toEqual([
      {
        equals: [
          ['environment', 'qa'],
          ['type', 'UserRolesChanged'],
        ],
        anyOf: [],
      },
      {
        equals: [
          ['environment', 'production'],
          ['type', 'UserRolesChanged'],
        ],
        anyOf: [],
      },
      {
        equals: [
          ['stream_category', 'user'],
          ['type', 'UserRolesChanged'],
        ],
        anyOf: [['stream_id', ['user-alice', 'user-bob']]],
      },
    ]);
  });

  it('given a scope of too many environments, then it stays one condition', () => {
    const environments = Array.from({ length: MAX_BRANCHES + 1 }, (_, index) => `env-${index}`);

    expect(auditBranches({ scope: { environments, streamIds: [] } })).toEqual([
      { equals: [], anyOf: [], scope: { environments, streamIds: [] } },
    ]);
  });

  it('given the equalities of a statement, then the indexes on them could drive it, the pair with the environment included', () => {
    const [branch] = auditBranches({
      scope: { environments: ['qa'], streamIds: [] },
      types: ['A'],
      actorIds: ['alice'],
      streamIds: ['integration-1'],
      correlationId: 'c',
    });

    expect(drivingIndexes(branch).map((index) => index.name)).toEqual([
      'events_audit_correlation',
      'events_audit_environment_type',
      'events_audit_actor',
      'events_audit_type',
      'events_audit_environment',
    ]);
  });
});

describe('auditStatement', () => {
  const page = { order: 'desc', limit: 50 } as const;

  it('given SQLite, then lists travel as one JSON array, the chosen index is named, and one row more than the page is asked for', () => {
    const [branch] = auditBranches({
      actorIds: ['alice'],
      types: Array.from({ length: MAX_BRANCHES + 1 }, (_, i) => `T${i}`),
    });

    const { sql, values } = auditStatement('sqlite', branch, {}, { below: 900 }, page, {
      kind: 'index',
      index: indexNamed('events_audit_actor'),
    });

    expect(sql).toBe(
      'SELECT global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at ' +
        'FROM events INDEXED BY events_audit_actor WHERE actor_id = ? AND type IN (SELECT value FROM json_each(?)) ' +
        'AND global_position < ? ORDER BY global_position DESC LIMIT ?',
    );
    expect(values).toEqual([
      'alice',
      JSON.stringify(Array.from({ length: MAX_BRANCHES + 1 }, (_, i) => `T${i}`)),
      900,
      51,
    ]);
  });

  it('given MySQL, then lists are arrays for mysql2 to expand and the server plans, off the recorded_at index', () => {
    const [branch] = auditBranches({
      scope: {
        environments: Array.from({ length: MAX_BRANCHES + 1 }, (_, i) => `e${i}`),
        streamIds: ['user-a'],
      },
    });

    const { sql, values } = auditStatement(
      'mysql',
      branch,
      { from: '2025-01-01T00:00:00.000Z', to: '2025-02-01T00:00:00.000Z' },
      { above: 10, below: 99 },
      { order: 'asc', limit: 10 },
      { kind: 'planned' },
    );

    expect(sql).toContain(
      'FROM events IGNORE INDEX (events_audit_recorded_at) WHERE (environment IN (?) OR stream_id IN (?)) ' +
        'AND recorded_at >= ? AND recorded_at < ? AND global_position > ? AND global_position < ? ORDER BY global_position ASC LIMIT ?',
    );
    expect(values).toEqual([
      Array.from({ length: MAX_BRANCHES + 1 }, (_, i) => `e${i}`),
      ['user-a'],
      '2025-01-01T00:00:00.000Z',
      '2025-02-01T00:00:00.000Z',
      10,
      99,
      11,
    ]);
  });

  it('given no equality to drive by, then SQLite reads by position alone', () => {
    const { sql } = auditStatement('sqlite', auditBranches({})[0], {}, {}, page, { kind: 'position' });

    expect(sql).toMatch(/FROM events NOT INDEXED ORDER BY global_position DESC LIMIT \?$/);
  });

  it('given a probe, then it counts a bounded number of entries of the index for the values, in the window', () => {
    const [branch] = auditBranches({ scope: { environments: ['qa'], streamIds: [] }, types: ['A'] });

    expect(
      probeStatement(
        'sqlite',
        indexNamed('events_audit_environment_type'),
        branch,
        { above: 1, below: 9 },
        5000,
      ),
    ).toEqual({
      sql:
        'SELECT count(*) AS found FROM (SELECT 1 FROM events INDEXED BY events_audit_environment_type ' +
        'WHERE environment = ? AND type = ? AND global_position > ? AND global_position < ? LIMIT ?) AS probe',
      values: ['qa', 'A', 1, 9, 5000],
    });
  });

  it("given MySQL, then the type index is the log's own and indexes are forced by name", () => {
    const [branch] = auditBranches({ types: ['A'], actorIds: ['alice'] });

    expect(probeStatement('mysql', indexNamed('events_audit_type'), branch, {}, 10).sql).toBe(
      'SELECT count(*) AS found FROM (SELECT 1 FROM events FORCE INDEX (events_type_position) WHERE type = ? LIMIT ?) AS probe',
    );
    expect(
      auditStatement(
        'mysql',
        branch,
        {},
        {},
        { order: 'desc', limit: 1 },
        { kind: 'index', index: indexNamed('events_audit_actor') },
      ).sql,
    ).toContain('FROM events FORCE INDEX (events_audit_actor) WHERE');
    expect(
      auditStatement('mysql', auditBranches({})[0], {}, {}, { order: 'desc', limit: 1 }, { kind: 'position' })
        .sql,
    ).toContain('FROM events FORCE INDEX (PRIMARY) ORDER BY');
  });
});

describe('chooseAccess', () => {
  const window = { below: 1000 };

  it('given one stream, then the database reads it by its own key', async () => {
    const [branch] = auditBranches({ streamIds: ['integration-1'], types: ['A'] });

    expect(await chooseAccess('sqlite', branch, window, () => 0)).toEqual({ kind: 'planned' });
  });

  it('given no equality, then by position alone', async () => {
    expect(
      await chooseAccess('sqlite', auditBranches({ from: '2025-01-01T00:00:00.000Z' })[0], window, () => 0),
    ).toEqual({
      kind: 'position',
    });
  });

  it('given one index that applies, then it, without a probe', async () => {
    const count = jest.fn(() => 0);

    expect(await chooseAccess('sqlite', auditBranches({ actorIds: ['alice'] })[0], window, count)).toEqual({
      kind: 'index',
      index: indexNamed('events_audit_actor'),
    });
    expect(count).not.toHaveBeenCalled();
  });

  it('given several, then the one holding the fewest entries for the values; ties go to the pair of environment and type', async () => {
    const [branch] = auditBranches({
      scope: { environments: ['qa'], streamIds: [] },
      types: ['A'],
      actorIds: ['alice'],
    });
    const counts: Record<string, number> = {
      events_audit_environment_type: 5000,
      events_audit_actor: 5000,
      events_audit_type: 12,
      events_audit_environment: 5000,
    };
    const counted = (probe: { sql: string }) => counts[/INDEXED BY (\w+)/.exec(probe.sql)![1]];

    expect(await chooseAccess('sqlite', branch, window, counted)).toEqual({
      kind: 'index',
      index: indexNamed('events_audit_type'),
    });
    counts.events_audit_type = 5000;
    expect(await chooseAccess('sqlite', branch, window, counted)).toEqual({
      kind: 'index',
      index: indexNamed('events_audit_environment_type'),
    });
  });
});

describe('time bounds', () => {
  it('given from and to, then each is widened by the skew and looked up once in the recorded_at index', async () => {
    const asked: [string, string][] = [];

    const bounds = await timeBounds(
      { from: '2025-01-10T00:00:00.000Z', to: '2025-01-11T00:00:00.000Z' },
      (sql, time) => {
        asked.push([sql, time]);
        return sql === TIME_BOUND_SQL.firstFrom ? 700 : 300;
      },
    );

    expect(bounds).toEqual({ above: 300, below: 700 });
    expect(asked).toEqual([
      [
        TIME_BOUND_SQL.firstFrom,
        new Date(Date.parse('2025-01-11T00:00:00.000Z') + RECORDED_AT_SKEW_MS).toISOString(),
      ],
      [
        TIME_BOUND_SQL.lastBefore,
        new Date(Date.parse('2025-01-10T00:00:00.000Z') - RECORDED_AT_SKEW_MS).toISOString(),
      ],
    ]);
  });

  it('given no event beyond a bound, then that side stays open', async () => {
    expect(
      await timeBounds({ from: '2025-01-10T00:00:00.000Z', to: '2025-01-11T00:00:00.000Z' }, () => undefined),
    ).toEqual({});
  });

  it('given a time at the edge of four-digit years, then no bound is looked up past it', () => {
    expect(shiftedTime('9999-12-31T23:59:00.000Z', RECORDED_AT_SKEW_MS)).toBeUndefined();
    expect(shiftedTime('0000-01-01T00:01:00.000Z', -RECORDED_AT_SKEW_MS)).toBeUndefined();
    expect(shiftedTime('2025-01-01T00:00:00.000Z', 60_000)).toBe('2025-01-01T00:01:00.000Z');
  });

  it.each([
    [
      'newest first: the cursor caps the top',
      { above: 10, below: 100 },
      { order: 'desc', after: 50 },
      { above: 10, below: 50 },
    ],
    [
      'newest first: a cursor above the time bound changes nothing',
      { below: 100 },
      { order: 'desc', after: 500 },
      { below: 100 },
    ],
    ['oldest first: the cursor raises the bottom', { above: 10 }, { order: 'asc', after: 50 }, { above: 50 }],
    ['no cursor', { above: 10 }, { order: 'asc' }, { above: 10 }],
  ] as const)('given %s, then the window is the tighter of both', (_, bounds, page, window) => {
    expect(pageWindow(bounds, page)).toEqual(window);
  });

  it('given bounds with no position between them, then there is no window', () => {
    expect(pageWindow({ above: 10, below: 11 }, { order: 'desc' })).toBeUndefined();
    expect(pageWindow({ above: 10, below: 100 }, { order: 'asc', after: 99 })).toBeUndefined();
  });
});

describe('mergeBranchPages', () => {
  it('given one statement, then its page is the answer and its extra row says more follow', () => {
    expect(mergeBranchPages([[row(9), row(7), row(5)]], { order: 'desc', limit: 2 })).toEqual({
      rows: [row(9), row(7)],
      next: 7,
    });
    expect(mergeBranchPages([[row(9), row(7)]], { order: 'desc', limit: 2 })).toEqual({
      rows: [row(9), row(7)],
    });
  });

  it('given several statements, then their rows interleave in order, once each', () => {
    const merged = mergeBranchPages([[row(1), row(4), row(6)], [row(2), row(4)], []], {
      order: 'asc',
      limit: 4,
    });

    expect(positions(merged.rows)).toEqual([1, 2, 4, 6]);
    expect(merged.next).toBeUndefined();
  });

  it('given several statements with more rows than a page, then the page ends at its last row', () => {
    const merged = mergeBranchPages(
      [
        [row(9), row(3)],
        [row(8), row(2)],
      ],
      { order: 'desc', limit: 3 },
    );

    expect(positions(merged.rows)).toEqual([9, 8, 3]);
    expect(merged.next).toBe(3);
  });
});
