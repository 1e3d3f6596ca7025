import { ChannelRefresh } from '../../apps/console/src/providers/live/channel-refresh';
import {
  type EventSourceLike,
  LiveStream,
  type StreamChange,
  type StreamNotification,
  retryDelay,
} from '../../apps/console/src/providers/live/live-stream';
import { channelOf, resourcesOfStream } from '../../apps/console/src/providers/live/stream-resources';

const UUID = '0197a3c2-7d1e-7c4a-9a51-3b9f2e8d4c10';

describe('which resources a change of a stream touches', () => {
  it.each([
    [`integration-${UUID}`, ['integrations']],
    [`integration-deployments-${UUID}`, ['integrations']],
    [`integration-publications-${UUID}`, ['integrations']],
    [`publication-${UUID}`, ['integrations']],
    [`connection-${UUID}`, ['connections']],
    [`connection-request-${UUID}`, ['connection-requests', 'approvals']],
    [`change-request-${UUID}`, ['change-requests', 'approvals']],
    ['environment-qa', ['environments']],
    ['user-dana-scully', ['users']],
    [`api-key-${UUID}`, ['api-keys']],
    ['dependency-@ib/runtime', ['dependencies', 'integrations']],
    [`republish-${UUID}`, ['dependencies', 'integrations']],
  ])('a change of %s refreshes %j, and the operations page', (streamId, resources) => {
    expect(resourcesOfStream(streamId)).toEqual([...resources, 'projections']);
  });

  it('tells a stream it does not know only to the operations page (its position moved)', () => {
    expect(resourcesOfStream('stream-test')).toEqual(['projections']);
  });

  it("names Refine's channel of a resource", () => {
    expect(channelOf('approvals')).toBe('resources/approvals');
  });
});

describe('a channel told of changes', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('refreshes once a burst settled, and once more when the views have had time to follow', () => {
    const refreshed: string[] = [];
    const refresh = new ChannelRefresh((channel) => refreshed.push(channel), {
      settleMs: 100,
      followUpMs: 1000,
    });

    refresh.changed('resources/approvals');
    refresh.changed('resources/approvals');
    refresh.changed('resources/users');
    jest.advanceTimersByTime(100);
    expect(refreshed).toEqual(['resources/approvals', 'resources/users']);

    // Another change: it settles again, while its follow-up waits for the last change
    refresh.changed('resources/approvals');
    jest.advanceTimersByTime(950);
    expect(refreshed).toEqual([
      'resources/approvals',
      'resources/users',
      'resources/approvals',
      'resources/users', // users' follow-up, 1 s after its change
    ]);
    jest.advanceTimersByTime(50);
    expect(refreshed.at(-1)).toBe('resources/approvals'); // 1 s after the last change
    expect(refreshed).toHaveLength(5);
  });

  it('tells nothing more once cleared (after a logout)', () => {
    const refreshed: string[] = [];
    const refresh = new ChannelRefresh((channel) => refreshed.push(channel));
    refresh.changed('resources/integrations');
    refresh.clear();
    jest.advanceTimersByTime(5000);
    expect(refreshed).toEqual([]);
  });
});

/** A browser's EventSource as the stream uses it: the spec plays the server's frames and its end. */
class FakeEventSource implements EventSourceLike {
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(
    readonly ticket: string,
    readonly lastEventId: string | undefined,
  ) {}

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  emit(type: string, data = '', lastEventId = ''): void {
    for (const listener of this.listeners.get(type) ?? [])
      listener({ data, lastEventId } as MessageEvent<string>);
  }

  change(position: number, streamId: string): void {
    this.emit('change', JSON.stringify({ type: 'Something', streamId, position }), String(position));
  }
}

describe('the tab’s event stream', () => {
  let sources: FakeEventSource[];
  let tickets: number;
  let ticketFailure: unknown;
  let changes: StreamChange[];
  let notifications: StreamNotification[];
  let resets: number;
  let reopenings: number;
  let stream: LiveStream;

  const latest = () => sources[sources.length - 1];
  /** Lets the ticket request (a promise) settle. */
  const settle = async () => {
    for (let turn = 0; turn < 5; turn++) await Promise.resolve();
  };

  beforeEach(() => {
    jest.useFakeTimers();
    sources = [];
    tickets = 0;
    ticketFailure = undefined;
    changes = [];
    notifications = [];
    resets = 0;
    reopenings = 0;
    stream = new LiveStream({
      issueTicket: () =>
        ticketFailure ? Promise.reject(ticketFailure) : Promise.resolve(`ticket-${++tickets}`),
      open: (ticket, lastEventId) => {
        const source = new FakeEventSource(ticket, lastEventId);
        sources.push(source);
        return source;
      },
      listener: {
        change: (change) => changes.push(change),
        notification: (notification) => notifications.push(notification),
        reset: () => resets++,
        reopened: () => reopenings++,
      },
    });
  });

  afterEach(() => {
    stream.stop();
    jest.useRealTimers();
  });

  it('opens one stream with a new ticket, and hands on its changes and notifications', async () => {
    stream.start();
    stream.start();
    await settle();
    expect(sources.map(({ ticket, lastEventId }) => [ticket, lastEventId])).toEqual([
      ['ticket-1', undefined],
    ]);

    latest().emit('open');
    expect([resets, reopenings]).toEqual([0, 0]);
    latest().change(41, `connection-request-${UUID}`);
    latest().emit(
      'notification',
      JSON.stringify({ id: 'n1', kind: 'connection-requested', title: 'T', link: '/x' }),
    );

    expect(changes).toEqual([{ type: 'Something', streamId: `connection-request-${UUID}`, position: 41 }]);
    expect(notifications).toEqual([{ id: 'n1', kind: 'connection-requested', title: 'T', link: '/x' }]);
  });

  it('when the stream ends, opens a new one with a NEW ticket after the last change seen', async () => {
    stream.start();
    await settle();
    const first = latest();
    first.emit('open');
    first.change(41, `integration-${UUID}`);
    first.change(42, `integration-${UUID}`);

    // The server ends the stream (the user changed): the browser would reconnect with the spent ticket
    first.emit('error');
    expect(first.closed).toBe(true);
    jest.advanceTimersByTime(retryDelay(0));
    await settle();

    expect(sources).toHaveLength(2);
    expect([latest().ticket, latest().lastEventId]).toEqual(['ticket-2', '42']);
    latest().emit('open');
    expect(resets).toBe(0); // the server replays what was missed
    expect(reopenings).toBe(1); // but not the notifications: they are read again
  });

  it('says whether a stream is open: from its opening to its end, and not after a logout', async () => {
    stream.start();
    await settle();
    expect(stream.isOpen).toBe(false);

    latest().emit('open');
    expect(stream.isOpen).toBe(true);
    latest().emit('error');
    expect(stream.isOpen).toBe(false);
    jest.advanceTimersByTime(retryDelay(0));
    await settle();
    latest().emit('open');
    expect(stream.isOpen).toBe(true);
    stream.stop();
    expect(stream.isOpen).toBe(false);
  });

  it('waits longer after each attempt that does not open, and starts over once one opens', async () => {
    stream.start();
    await settle();
    latest().emit('error'); // e.g. 401: the ticket expired before it was used
    jest.advanceTimersByTime(retryDelay(0));
    await settle();
    expect(sources).toHaveLength(2);

    latest().emit('error');
    jest.advanceTimersByTime(retryDelay(1) - 1);
    await settle();
    expect(sources).toHaveLength(2);
    jest.advanceTimersByTime(1);
    await settle();
    expect(sources).toHaveLength(3);

    latest().emit('open');
    latest().emit('error');
    jest.advanceTimersByTime(retryDelay(0));
    await settle();
    expect(sources).toHaveLength(4);
    expect(retryDelay(10)).toBe(30_000);
  });

  it('resets what is shown when it reopens without a position (no change seen), and on a reset frame', async () => {
    stream.start();
    await settle();
    latest().emit('open');
    latest().emit('error');
    jest.advanceTimersByTime(retryDelay(0));
    await settle();
    latest().emit('open');
    expect(resets).toBe(1);

    latest().emit('reset', JSON.stringify({ position: 900 }), '900');
    expect(resets).toBe(2);
    latest().emit('error');
    jest.advanceTimersByTime(retryDelay(0));
    await settle();
    expect(latest().lastEventId).toBe('900');
  });

  it('retries when no ticket could be had, and gives up when the session is over (401)', async () => {
    ticketFailure = { statusCode: 503 };
    stream.start();
    await settle();
    expect(sources).toHaveLength(0);
    ticketFailure = undefined;
    jest.advanceTimersByTime(retryDelay(0));
    await settle();
    expect(sources).toHaveLength(1);

    latest().emit('error');
    ticketFailure = { statusCode: 401 };
    jest.advanceTimersByTime(60_000);
    await settle();
    jest.advanceTimersByTime(60_000);
    await settle();
    expect(sources).toHaveLength(1);
  });

  it('closes at logout, and a ticket that arrives after it opens nothing', async () => {
    stream.start();
    stream.stop();
    await settle();
    expect(sources).toHaveLength(0);

    stream.start();
    await settle();
    latest().emit('open');
    latest().change(7, 'user-dana');
    stream.stop();
    expect(latest().closed).toBe(true);
    latest().emit('error'); // the closed source's last word changes nothing
    jest.advanceTimersByTime(60_000);
    await settle();
    expect(sources).toHaveLength(1);

    stream.start(); // the next login starts afresh: no position of the user before
    await settle();
    expect(latest().lastEventId).toBeUndefined();
  });
});
