import { type Notification } from '../notification';
import { type ReadModelNotificationStore } from '../read-model-notification-store';

const notification = (position: number, userId: string): Omit<Notification, 'readAt'> => ({
  id: `n-${position}-${userId}`,
  userId,
  kind: 'connection-requested',
  title: `Connection requested: Orders ${position}`,
  body: 'dana requested the sqlite connection "Orders" in development.',
  link: '/connection-requests/show/r1',
  eventId: `event-${position}`,
  position,
  environment: 'development',
  createdAt: '2025-03-04T05:06:07.000Z',
});

export type OpenedNotificationStore = Readonly<{
  store: ReadModelNotificationStore;
  close: () => Promise<void>;
}>;

/** What every dialect of ReadModelNotificationStore does, on a fresh read model each test. */
export function describeNotificationStoreContract(
  name: string,
  open: () => Promise<OpenedNotificationStore>,
): void {
  describe(name, () => {
    let opened: OpenedNotificationStore;
    let store: ReadModelNotificationStore;

    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it('given a batch recorded twice, then each notification is stored once, as first recorded', async () => {
      await store.record([notification(1, 'ada'), notification(1, 'bob')]);
      await store.markRead('ada', 'n-1-ada', '2025-03-05T00:00:00.000Z');

      await store.record([notification(1, 'ada'), notification(1, 'bob'), notification(2, 'ada')]);

      const recorded = await store.ofEvents(['event-1', 'event-2']);
      expect(recorded.map(({ id }) => id)).toEqual(['n-1-ada', 'n-1-bob', 'n-2-ada']);
      expect(recorded[0]).toEqual({ ...notification(1, 'ada'), readAt: '2025-03-05T00:00:00.000Z' });
    });

    it('pages a user’s notifications newest first, and counts the unread', async () => {
      await store.record([1, 2, 3, 4, 5].map((position) => notification(position, 'ada')));
      await store.record([notification(6, 'bob')]);

      const first = await store.page('ada', { limit: 2 });
      const second = await store.page('ada', { after: first.next, limit: 2 });
      const last = await store.page('ada', { after: second.next, limit: 2 });

      expect([first, second, last].map(({ items }) => items.map(({ position }) => position))).toEqual([
        [5, 4],
        [3, 2],
        [1],
      ]);
      expect([first.next, second.next, last.next]).toEqual([4, 2, undefined]);
      expect(await store.unreadCount('ada')).toBe(5);
    });

    it('given notifications of several users, then those after a position come in log order, and the last position is known', async () => {
      expect(await store.lastPosition()).toBe(0);
      await store.record([notification(3, 'bob'), notification(1, 'ada'), notification(3, 'ada')]);
      await store.record([notification(7, 'cyd')]);

      expect((await store.after(1, 10)).map(({ id }) => id)).toEqual(['n-3-ada', 'n-3-bob', 'n-7-cyd']);
      expect((await store.after(1, 2)).map(({ id }) => id)).toEqual(['n-3-ada', 'n-3-bob']);
      expect(await store.after(7, 10)).toEqual([]);
      expect(await store.lastPosition()).toBe(7);
    });

    it('marks only the user’s own notifications read', async () => {
      await store.record([notification(1, 'ada'), notification(1, 'bob'), notification(2, 'ada')]);

      await store.markRead('bob', 'n-1-ada', '2025-03-05T00:00:00.000Z');
      expect(await store.get('bob', 'n-1-ada')).toBeUndefined();
      expect(await store.unreadCount('ada')).toBe(2);

      await store.markAllRead('ada', '2025-03-05T00:00:00.000Z');
      expect(await store.unreadCount('ada')).toBe(0);
      expect(await store.unreadCount('bob')).toBe(1);
    });

    it('records a delivery pending once, then sent, counting the attempts', async () => {
      await store.begin('n-1-ada', 'ada@example.com');
      await store.failed('n-1-ada', 'connect ECONNREFUSED');
      await store.begin('n-1-ada', 'other@example.com');
      expect((await store.of(['n-1-ada'])).get('n-1-ada')).toEqual({
        id: 'n-1-ada',
        recipient: 'ada@example.com',
        state: 'pending',
        attempts: 1,
        lastError: 'connect ECONNREFUSED',
      });

      await store.sent('n-1-ada', '2025-03-05T00:00:00.000Z');

      expect((await store.of(['n-1-ada', 'n-9-bob'])).get('n-1-ada')).toEqual({
        id: 'n-1-ada',
        recipient: 'ada@example.com',
        state: 'sent',
        attempts: 2,
        sentAt: '2025-03-05T00:00:00.000Z',
      });
    });

    it('records a delivery refused for good, with the refusal', async () => {
      await store.begin('n-2-bob', 'bob@example.com');

      await store.refused('n-2-bob', '550 mailbox unavailable');

      expect((await store.of(['n-2-bob'])).get('n-2-bob')).toEqual({
        id: 'n-2-bob',
        recipient: 'bob@example.com',
        state: 'refused',
        attempts: 1,
        lastError: '550 mailbox unavailable',
      });
    });
  });
}
