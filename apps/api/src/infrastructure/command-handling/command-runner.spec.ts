import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Command,
  type Decider,
  type Event,
  ForbiddenError,
  IllegalStateError,
  StaleVersionError,
} from '@ib/domain';
import { type Actor } from './actor';
import { type Clock } from '../clock';
import { type EventStore, type NewEvent } from '../event-store/event-store.port';
import { SqliteEventStore } from '../event-store/sqlite-event-store';
import { uuidv7 } from '../ids';
import { CommandRunner, type Unstamped } from './command-runner';

type Opened = Event<'TabOpened', { tabId: string; openedBy: string; openedAt: string }>;
type Ordered = Event<'DrinkOrdered', { drink: string }>;
type TabEvent = Opened | Ordered;
type TabCommand = Command<'OpenTab', { tabId: string }> | Command<'OrderDrink', { drink: string }>;
type Tab = { open: boolean; drinks: number };

/** Opening a tab twice is refused, as creating any resource twice is. */
const tabs: Decider<Tab, TabCommand, TabEvent> = {
  initialState: () => ({ open: false, drinks: 0 }),
  evolve: (state, event) =>
    event.type === 'TabOpened' ? { ...state, open: true } : { ...state, drinks: state.drinks + 1 },
  decide: (command, state) => {
    if (command.type === 'OrderDrink') return [{ type: 'DrinkOrdered', data: { drink: command.data.drink } }];
    if (state.open) throw new IllegalStateError('TAB.ALREADY_OPEN', 'The tab is open already');
    const { actorId, now } = command.metadata;
    const data = { tabId: command.data.tabId, openedBy: actorId, openedAt: now.toISOString() };
    return [{ type: 'TabOpened', data }];
  },
};

const NOW = new Date('2026-01-05T09:00:00.000Z');
const clock: Clock = { now: () => NOW };

const alice = (overrides: Partial<Actor> = {}): Actor => ({
  userId: 'alice',
  correlationId: 'correlation-1',
  causationId: 'request-of-key-1',
  idempotencyKey: 'key-1',
  ...overrides,
});
const OPEN = (): Unstamped<TabCommand> => ({ type: 'OpenTab', data: { tabId: 'tab-1' } });
const ORDER = (): Unstamped<TabCommand> => ({ type: 'OrderDrink', data: { drink: 'tea' } });
const OPENED = {
  type: 'TabOpened',
  data: { tabId: 'tab-1', openedBy: 'alice', openedAt: NOW.toISOString() },
};

describe('CommandRunner', () => {
  let dir: string;
  let store: SqliteEventStore;
  let runner: CommandRunner;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'command-runner-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    runner = new CommandRunner(store, clock);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a command built from the state, when it runs, then it is decided with the actor and the time, and answers the state it left', async () => {
    const outcome = await runner.run('tab-1', tabs, OPEN, { actor: alice({ idempotencyKey: undefined }) });

    expect(outcome).toEqual({
      state: { open: true, drinks: 0 },
      events: [OPENED],
      version: 0,
      position: 1,
    });
    expect((await store.readStream('tab-1')).events.map(({ data }) => data)).toEqual([OPENED.data]);
  });

  it('given a factory that reads the state, when the tab has orders, then it is handed the folded state', async () => {
    await runner.run('tab-1', tabs, OPEN, { actor: alice({ idempotencyKey: undefined }) });
    await runner.run('tab-1', tabs, ORDER, { actor: alice({ idempotencyKey: undefined }) });
    const seen: Tab[] = [];

    await runner.run(
      'tab-1',
      tabs,
      (state) => {
        seen.push(state);
        return ORDER();
      },
      { actor: alice({ idempotencyKey: undefined }) },
    );

    expect(seen).toEqual([{ open: true, drinks: 1 }]);
  });

  it('given a factory that refuses the caller, when it runs, then nothing is stored', async () => {
    const refused = runner.run(
      'tab-1',
      tabs,
      () => {
        throw new ForbiddenError('TAB.NOT_YOURS', 'Not your tab');
      },
      { actor: alice() },
    );

    await expect(refused).rejects.toThrow(ForbiddenError);
    expect((await store.readStream('tab-1')).version).toBe(-1);
  });

  it('given a command of an environment, when it runs, then its events are recorded there', async () => {
    await runner.run('tab-1', tabs, () => ({ ...OPEN(), metadata: { environment: 'qa' } }), {
      actor: alice(),
    });

    const { events } = await store.readStream('tab-1');
    expect(events.map(({ metadata }) => metadata.environment)).toEqual(['qa']);
  });

  it('given an If-Match of another version, when the command runs, then it fails as stale without deciding', async () => {
    await runner.run('tab-1', tabs, OPEN, { actor: alice({ idempotencyKey: undefined }) });
    const factory = jest.fn(ORDER);

    const stale = runner.run('tab-1', tabs, factory, { actor: alice(), ifMatch: 3 });

    await expect(stale).rejects.toThrow(StaleVersionError);
    await expect(stale).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', expected: 3, actual: 0 });
    expect(factory).not.toHaveBeenCalled();
    expect((await store.readStream('tab-1')).version).toBe(0);
  });

  it('given a command that changes nothing, when it runs, then it answers the current state and version', async () => {
    const noChange: Decider<Tab, TabCommand, TabEvent> = { ...tabs, decide: () => [] };
    await runner.run('tab-1', tabs, OPEN, { actor: alice({ idempotencyKey: undefined }) });

    const outcome = await runner.run('tab-1', noChange, ORDER, { actor: alice(), ifMatch: 0 });

    expect(outcome).toEqual({ state: { open: true, drinks: 0 }, events: [], version: 0, position: 0 });
  });

  it('given a request with an Idempotency-Key, when its command runs, then every event records the key and the caller', async () => {
    await runner.run('tab-1', tabs, OPEN, { actor: alice() });

    const { events } = await store.readStream('tab-1');
    expect(events.map(({ metadata }) => metadata)).toEqual([
      expect.objectContaining({ actorId: 'alice', causationId: 'request-of-key-1', idempotencyKey: 'key-1' }),
    ]);
  });

  it('given an attempt that appended and died before answering, when the request runs again, then it answers that outcome and appends nothing', async () => {
    const first = await runner.run('tab-1', tabs, OPEN, { actor: alice() });
    await runner.run('tab-1', tabs, ORDER, {
      actor: alice({ idempotencyKey: 'key-2', causationId: 'other' }),
    });

    const retry = await runner.run('tab-1', tabs, OPEN, { actor: alice(), ifMatch: first.version });

    expect(retry).toEqual(first);
    expect(retry).toEqual({ state: { open: true, drinks: 0 }, events: [OPENED], version: 0, position: 1 });
    expect((await store.readStream('tab-1')).version).toBe(1);
  });

  it('given an attempt that appended, when the request runs again for a caller who lost the right, then it is refused', async () => {
    await runner.run('tab-1', tabs, OPEN, { actor: alice() });

    const retry = runner.run(
      'tab-1',
      tabs,
      () => {
        throw new ForbiddenError('TAB.NOT_YOURS', 'Not your tab any more');
      },
      { actor: alice() },
    );

    await expect(retry).rejects.toThrow(ForbiddenError);
  });

  it.each([
    ['another caller with the same key', { userId: 'bob' }],
    ['the same key reserved again after it expired', { causationId: 'request-of-key-1-a-day-later' }],
    ['no Idempotency-Key', { idempotencyKey: undefined }],
  ])(
    'given events of a request, when %s runs the command, then it is decided afresh: only the request itself gets its outcome',
    async (_, other) => {
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

    const outcome = await new CommandRunner(racing, clock).run('tab-1', tabs, OPEN, { actor: alice() });

    expect(outcome).toEqual({ state: { open: true, drinks: 0 }, events: [OPENED], version: 0, position: 1 });
    expect((await store.readStream('tab-1')).events).toHaveLength(1);
  });

  it('given a request without an Idempotency-Key, when its recorded outcome is asked for, then there is none', async () => {
    await runner.run('tab-1', tabs, OPEN, { actor: alice({ idempotencyKey: undefined }) });

    expect(await runner.recorded('tab-1', tabs, alice({ idempotencyKey: undefined }))).toBeUndefined();
    expect(await runner.recorded('tab-1', tabs, alice())).toBeUndefined();
  });
});
