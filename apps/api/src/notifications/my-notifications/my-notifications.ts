import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@ib/domain';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { type Notification } from '../notification';
import { NOTIFICATION_STORE, type NotificationStore } from '../notification-store.port';
import { encodeNotificationCursor } from './notification-cursor';

/** A notification as its recipient reads it: whose it is goes without saying. */
export type MyNotification = Omit<Notification, 'userId' | 'eventId' | 'position'>;

export type MyNotificationPage = Readonly<{ items: MyNotification[]; next: string | null; unread: number }>;

const mine = ({ userId: _userId, eventId: _eventId, position: _position, ...notification }: Notification) =>
  notification;

/**
 * The caller's own notifications: nobody reads or marks another user's (theirs do not exist for
 * them: 404). Whether one was read is the user's own state, written directly, not an event.
 */
@Injectable()
export class MyNotifications {
  constructor(
    @Inject(NOTIFICATION_STORE) private readonly store: NotificationStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async page(userId: string, page: Readonly<{ after?: number; limit: number }>): Promise<MyNotificationPage> {
    const [{ items, next }, unread] = await Promise.all([
      this.store.page(userId, page),
      this.store.unreadCount(userId),
    ]);
    return {
      items: items.map(mine),
      next: next === undefined ? null : encodeNotificationCursor(next),
      unread,
    };
  }

  async read(userId: string, id: string): Promise<MyNotification> {
    if ((await this.store.get(userId, id)) === undefined)
      throw new NotFoundError('NOTIFICATION.NOT_FOUND', `Notification ${id} does not exist`);
    await this.store.markRead(userId, id, this.clock.now().toISOString());
    return mine((await this.store.get(userId, id))!);
  }

  async readAll(userId: string): Promise<void> {
    await this.store.markAllRead(userId, this.clock.now().toISOString());
  }
}
