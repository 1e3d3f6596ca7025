import { type LiveStream } from '../../audit';
import { type Notification } from '../notification';
import { InMemoryNotificationStore } from '../testing/in-memory-notification-store';
import { NotificationPush } from './notification-push';

const notification = (position: number, userId: string): Omit<Notification, 'readAt'> => ({
  id: `n-${position}-${userId}`,
  userId,
  kind: 'connection-requested',
  title: `Connection requested ${position}`,
  body: 'body',
  link: `/connection-requests/show/r${position}`,
  eventId: `event-${position}`,
  position,
  createdAt: '2025-03-04T05:06:07.000Z',
});

describe('NotificationPush', () => {
  const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('given notifications recorded after the start, then each reaches its user’s streams once, in log order; those recorded before do not', async () => {
    const store = new InMemoryNotificationStore();
    await store.record([notification(1, 'old')]);
    const pushed: string[] = [];
    const live = {
      publishToUser: (userId: string, { id }: { id: string }) => pushed.push(`${userId}:${id}`),
    };
    const push = new NotificationPush(store, live as unknown as LiveStream);
    push.onApplicationBootstrap();
    await settled();

    await store.record([notification(2, 'ada'), notification(2, 'bob')]);
    push.wake();
    push.wake();
    await settled();
    await store.record([notification(3, 'ada')]);
    push.wake();
    await settled();
    await push.onApplicationShutdown();

    expect(pushed).toEqual(['ada:n-2-ada', 'bob:n-2-bob', 'ada:n-3-ada']);
  });

  it('given more notifications than one look takes, split inside an event, then the event’s are all pushed, once', async () => {
    const store = new InMemoryNotificationStore();
    const pushed: string[] = [];
    const live = { publishToUser: (_: string, { id }: { id: string }) => pushed.push(id) };
    const push = new NotificationPush(store, live as unknown as LiveStream);
    push.onApplicationBootstrap();
    await settled();

    const users = Array.from({ length: 300 }, (_, index) => `user-${index}`);
    await store.record([
      ...users.map((user) => notification(10, user)),
      ...users.map((user) => notification(11, user)),
    ]);
    push.wake();
    await settled();
    await push.onApplicationShutdown();

    expect(pushed).toHaveLength(600);
    expect(new Set(pushed).size).toBe(600);
  });
});
