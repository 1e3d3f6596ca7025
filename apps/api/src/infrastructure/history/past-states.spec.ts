import { type RecordedEvent } from '@ib/domain';
import { type Projection } from '../read-model/projection';
import { historyOf, momentText, type ObjectView, pastState } from './past-states';

/** A view fed by two streams: an order's own, and its payments' (which change it, not its version). */
type OrderView = Readonly<{ id: string; item: string; quantity: number; version: number; paid?: number }>;

const ordersProjection: Projection<OrderView> = {
  name: 'orders',
  handles: ['OrderPlaced', 'QuantityChanged', 'PaymentReceived'],
  idOf: (event) => (event.data as { orderId: string }).orderId,
  evolve: (view, event) => {
    const data = event.data as { orderId: string; item?: string; quantity?: number; amount?: number };
    switch (event.type) {
      case 'OrderPlaced':
        return {
          id: data.orderId,
          item: data.item ?? '',
          quantity: data.quantity ?? 0,
          version: event.streamVersion,
        };
      case 'QuantityChanged':
        return view && { ...view, quantity: data.quantity ?? 0, version: event.streamVersion };
      case 'PaymentReceived':
        return view && { ...view, paid: (view.paid ?? 0) + (data.amount ?? 0) };
      default:
        return view;
    }
  },
};

const order: ObjectView<OrderView> = { projection: ordersProjection, id: 'o-1', stream: 'order-o-1' };

/** Events as the store records them: versions per stream, positions in order, one minute apart. */
function recorder() {
  let position = 0;
  const versions = new Map<string, number>();
  return (
    streamId: string,
    type: string,
    data: object,
    { actorId = 'alice', at }: { actorId?: string; at?: string } = {},
  ): RecordedEvent => {
    const streamVersion = (versions.get(streamId) ?? -1) + 1;
    versions.set(streamId, streamVersion);
    position += 1;
    return {
      eventId: `event-${position}`,
      type,
      schemaVersion: 1,
      streamId,
      streamVersion,
      globalPosition: position,
      recordedAt: at ?? new Date(Date.UTC(2025, 0, 1, 12, position)).toISOString(),
      data,
      metadata: { actorId, correlationId: `c-${position}`, causationId: `c-${position}` },
    };
  };
}

/** The order placed (12:01), paid 10 (12:02), its quantity changed (12:03), another order (12:04), paid 5 (12:05). */
function orderEvents() {
  const record = recorder();
  return [
    record('order-o-1', 'OrderPlaced', { orderId: 'o-1', item: 'book', quantity: 1 }),
    record('payment-p-1', 'PaymentReceived', { orderId: 'o-1', amount: 10 }, { actorId: 'system' }),
    record('order-o-1', 'QuantityChanged', { orderId: 'o-1', quantity: 3 }, { actorId: 'bob' }),
    record('order-o-2', 'OrderPlaced', { orderId: 'o-2', item: 'pen', quantity: 9 }),
    record('payment-p-2', 'PaymentReceived', { orderId: 'o-1', amount: 5 }, { actorId: 'system' }),
  ];
}

const at = (minute: number, second = 0) => new Date(Date.UTC(2025, 0, 1, 12, minute, second));

describe('pastState: an object as it was, folded by its view’s projection', () => {
  const events = orderEvents();
  const placed = { id: 'o-1', item: 'book', quantity: 1, version: 0 };

  it('given a moment before its first event, when asked, then it did not exist then, though it exists now', () => {
    const { now, then } = pastState(order, events, { asOf: at(0) });

    expect(then).toBeUndefined();
    expect(now).toEqual({ document: { ...placed, quantity: 3, version: 1, paid: 15 }, version: 1 });
  });

  it('given a moment between two events, when asked, then it is as the earlier left it', () => {
    expect(pastState(order, events, { asOf: at(2, 30) }).then).toEqual({
      document: { ...placed, paid: 10 },
      version: 0,
    });
  });

  it('given the very moment an event was recorded, when asked, then that event is included', () => {
    expect(pastState(order, events, { asOf: at(1) }).then).toEqual({ document: placed, version: 0 });
  });

  it('given a version, when asked, then it is the last state at that version, with what other streams changed meanwhile', () => {
    expect(pastState(order, events, { version: 0 }).then?.document).toEqual({ ...placed, paid: 10 });
    expect(pastState(order, events, { version: 1 }).then?.document).toEqual({
      ...placed,
      quantity: 3,
      version: 1,
      paid: 15,
    });
  });

  it('given a version it never had, when asked, then there is no such state', () => {
    expect(pastState(order, events, { version: 2 }).then).toBeUndefined();
  });

  it('given an object never created, when asked, then it exists neither now nor then', () => {
    expect(pastState({ ...order, id: 'o-9' }, events, { asOf: at(9) })).toEqual({
      now: undefined,
      then: undefined,
    });
  });

  it('given an event recorded earlier than the one before it (another clock), when asked between, then the log order holds', () => {
    const record = recorder();
    const skewed = [
      record(
        'order-o-1',
        'OrderPlaced',
        { orderId: 'o-1', item: 'book', quantity: 1 },
        { at: at(5).toISOString() },
      ),
      record('order-o-1', 'QuantityChanged', { orderId: 'o-1', quantity: 2 }, { at: at(4).toISOString() }),
    ];

    expect(pastState(order, skewed, { asOf: at(4, 30) }).then).toBeUndefined();
  });

  it('given times recorded in another ISO form, when asked between them, then they are read as times', () => {
    const record = recorder();
    const events = [
      record(
        'order-o-1',
        'OrderPlaced',
        { orderId: 'o-1', item: 'book', quantity: 1 },
        { at: '2025-01-01T13:01:00+01:00' },
      ),
      record('order-o-1', 'QuantityChanged', { orderId: 'o-1', quantity: 2 }, { at: '2025-01-01T12:03:00Z' }),
    ];

    expect(pastState(order, events, { asOf: at(2) }).then?.document.quantity).toBe(1);
    expect(pastState(order, events, { asOf: at(0) }).then).toBeUndefined();
  });

  it('words the moment for a 404', () => {
    expect(momentText({ asOf: at(1) })).toBe('at 2025-01-01T12:01:00.000Z');
    expect(momentText({ version: 3 })).toBe('at version 3');
  });
});

describe('historyOf: each event of an object with what it changed', () => {
  it('given the object’s streams, when its history is folded, then each of its events says its version, actor and changes', () => {
    const { now, steps } = historyOf(order, orderEvents());

    expect(steps).toEqual([
      {
        version: 0,
        type: 'OrderPlaced',
        recordedAt: at(1).toISOString(),
        actorId: 'alice',
        changes: [
          { path: '/id', after: 'o-1' },
          { path: '/item', after: 'book' },
          { path: '/quantity', after: 1 },
          { path: '/version', after: 0 },
        ],
      },
      {
        version: 0,
        type: 'PaymentReceived',
        recordedAt: at(2).toISOString(),
        actorId: 'system',
        changes: [{ path: '/paid', after: 10 }],
      },
      {
        version: 1,
        type: 'QuantityChanged',
        recordedAt: at(3).toISOString(),
        actorId: 'bob',
        changes: [
          { path: '/quantity', before: 1, after: 3 },
          { path: '/version', before: 0, after: 1 },
        ],
      },
      {
        version: 1,
        type: 'PaymentReceived',
        recordedAt: at(5).toISOString(),
        actorId: 'system',
        changes: [{ path: '/paid', before: 10, after: 15 }],
      },
    ]);
    expect(now?.document).toEqual(pastState(order, orderEvents(), { version: 1 }).then?.document);
  });

  it('given an object never created, when its history is folded, then it has none', () => {
    expect(historyOf({ ...order, id: 'o-9' }, orderEvents())).toEqual({ now: undefined, steps: [] });
  });
});
