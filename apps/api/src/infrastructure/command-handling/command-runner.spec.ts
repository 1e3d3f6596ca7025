import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Decider, type Event, IllegalStateError } from '@ib/domain';
import { type Actor } from './actor';
import { type EventStore, type NewEvent } from '../event-store/event-store.port';
import { SqliteEventStore } from '../event-store/sqlite-event-store';
import { uuidv7 } from '../ids';
import { CommandRunner } from './command-runner';

type Opened = Event<'TabOpened', { tabId: string }>;
type Ordered = Event<'DrinkOrdered', { drink: string }>;
type TabEvent = Opened | Ordered;
type TabCommand = { type: 'OpenTab'; tabId: string } | { type: 'OrderDrink'; drink: string };
type Tab = { open: boolean; drinks: number };

/** Opening a tab twice is refused, as creating any resource twice is. */
const tabs: Decider<Tab, TabCommand, TabEvent> = {
  initialState: () => ({ open: false, drinks: 0 }),
  evolve: (state, event) =>
    event.type === 'TabOpened' ? { ...state, open: true } : { ...state, drinks: state.drinks + 1 },
  decide: (command, state) => {
    if (command.type === 'OrderDrink') return [{ type: 'DrinkOrdered', data: { drink: command.drink } }];
    if (state.open) throw new IllegalStateError('TAB.ALREADY_OPEN', 'The tab is open already');
    return [{ type: 'TabOpened', data: { tabId: command.tabId } }];
  },
};

const alice = (overrides: Partial<Actor> = {}): Actor => ({
  userId: 'alice',
  correlationId: 'correlation-1',
  causationId: 'request-of-key-1',
  idempotencyKey: 'key-1',
  ...overrides,
});
const OPEN: TabCommand = { type: 'OpenTab', tabId: 'tab-1' };

describe('CommandRunner', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'command-runner-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a request with an Idempotency-Key, when its command runs, then every event records the key and the caller', async () => {
    const runner = new CommandRunner(store);

    await runner.run('tab-1', tabs, OPEN, { actor: alice() });

    const { events } = await store.readStream('tab-1');
    expect(events.map(({ metadata }) => metadata)).toEqual([
      expect.objectContaining({ actorId: 'alice', causationId: 'request-of-key-1', idempotencyKey: 'key-1' }),
    ]);
  });

  it('given an attempt that appended and died before answering, when the request runs again, then it answers that outcome and appends nothing', async () => {
    const runner = new CommandRunner(store);
    const first = await runner.run('tab-1', tabs, OPEN, { actor: alice() });
    await runner.run(
      'tab-1',
      tabs,
      { type: 'OrderDrink', drink: 'tea' },
      { actor: alice({ idempotencyKey: 'key-2', causationId: 'other' }) },
    );

    const retry = await runner.run('tab-1', tabs, OPEN, { actor: alice(), ifMatch: first.version });

    expect(retry).toEqual(first);
    expect(retry).toEqual({
      events: [{ type: 'TabOpened', data: { tabId: 'tab-1' } }],
      version: 0,
      position: 1,
    });
    expect((await store.readStream('tab-1')).version).toBe(1);
  });

  it.each([
    ['another caller with the same key', { userId: 'bob' }],
    ['the same key reserved again after it expired', { causationId: 'request-of-key-1-a-day-later' }],
    ['no Idempotency-Key', { idempotencyKey: undefined }],
  ])(
    'given events of a request, when %s runs the command, then it is decided afresh: only the request itself gets its outcome',
    async (_, other) => {
      const runner = new CommandRunner(store);
      await runner.run('tab-1', tabs, OPEN, { actor: alice() });

      await expect(runner.run('tab-1', tabs, OPEN, { actor: alice(other) })).rejects.toThrow(
        IllegalStateError,
      );
      await expect(runner.run('tab-1', tabs, OPEN, { actor: alice() })).resolves.toMatchObject({
        version: 0,
      });
    },
  );

  it("given two attempts of one request deciding at once, when the second appends, then it answers the first one's outcome", async () => {
    let raced = false;
    const racing: EventStore = {
      append: async (streamId: string, events: readonly NewEvent[], options) => {
        if (!raced) {
          raced = true;
          const first = events.map((event) => ({ ...event, eventId: uuidv7() }));
          await store.append(streamId, first, options);
        }
        return store.append(streamId, events, options);
      },
      readStream: store.readStream.bind(store),
      readAll: store.readAll.bind(store),
      headPosition: store.headPosition.bind(store),
      subscribe: store.subscribe.bind(store),
      close: store.close.bind(store),
    };
    const runner = new CommandRunner(racing);

    const outcome = await runner.run('tab-1', tabs, OPEN, { actor: alice() });

    expect(outcome).toEqual({
      events: [{ type: 'TabOpened', data: { tabId: 'tab-1' } }],
      version: 0,
      position: 1,
    });
    expect((await store.readStream('tab-1')).events).toHaveLength(1);
  });

  it('given a request without an Idempotency-Key, when its recorded outcome is asked for, then there is none', async () => {
    const runner = new CommandRunner(store);
    await runner.run('tab-1', tabs, OPEN, { actor: alice({ idempotencyKey: undefined }) });

    expect(await runner.recorded('tab-1', alice({ idempotencyKey: undefined }))).toBeUndefined();
    expect(await runner.recorded('tab-1', alice())).toBeUndefined();
  });
});
