import { type Notification } from '../notification';
import {
  type MailDeliveries,
  type MailDelivery,
  type NotificationPage,
  type NotificationStore,
} from '../notification-store.port';

/** The notifications and their deliveries in memory, for specs. */
export class InMemoryNotificationStore implements NotificationStore, MailDeliveries {
  readonly notifications = new Map<string, Notification>();
  readonly deliveries = new Map<string, MailDelivery>();

  async record(notifications: readonly Omit<Notification, 'readAt'>[]): Promise<void> {
    for (const notification of notifications)
      if (!this.notifications.has(notification.id)) this.notifications.set(notification.id, notification);
  }

  async ofEvents(eventIds: readonly string[]): Promise<Notification[]> {
    return [...this.notifications.values()]
      .filter(({ eventId }) => eventIds.includes(eventId))
      .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  }

  async after(position: number, limit: number): Promise<Notification[]> {
    return [...this.notifications.values()]
      .filter((notification) => notification.position > position)
      .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
      .slice(0, limit);
  }

  async lastPosition(): Promise<number> {
    return Math.max(0, ...[...this.notifications.values()].map(({ position }) => position));
  }

  async page(
    userId: string,
    { after, limit }: Readonly<{ after?: number; limit: number }>,
  ): Promise<NotificationPage> {
    const older = [...this.notifications.values()]
      .filter(
        (notification) =>
          notification.userId === userId && (after === undefined || notification.position < after),
      )
      .sort((a, b) => b.position - a.position);
    const items = older.slice(0, limit);
    return older.length > limit ? { items, next: items.at(-1)!.position } : { items };
  }

  async unreadCount(userId: string): Promise<number> {
    return [...this.notifications.values()].filter((n) => n.userId === userId && n.readAt === undefined)
      .length;
  }

  async get(userId: string, id: string): Promise<Notification | undefined> {
    const notification = this.notifications.get(id);
    return notification?.userId === userId ? notification : undefined;
  }

  async markRead(userId: string, id: string, at: string): Promise<void> {
    const notification = await this.get(userId, id);
    if (notification !== undefined && notification.readAt === undefined)
      this.notifications.set(id, { ...notification, readAt: at });
  }

  async markAllRead(userId: string, at: string): Promise<void> {
    for (const notification of this.notifications.values())
      if (notification.userId === userId) await this.markRead(userId, notification.id, at);
  }

  async of(ids: readonly string[]): Promise<ReadonlyMap<string, MailDelivery>> {
    return new Map([...this.deliveries].filter(([id]) => ids.includes(id)));
  }

  async begin(id: string, recipient: string): Promise<void> {
    if (!this.deliveries.has(id)) this.deliveries.set(id, { id, recipient, state: 'pending', attempts: 0 });
  }

  async sent(id: string, at: string): Promise<void> {
    const delivery = this.deliveries.get(id)!;
    this.deliveries.set(id, {
      id,
      recipient: delivery.recipient,
      state: 'sent',
      attempts: delivery.attempts + 1,
      sentAt: at,
    });
  }

  async failed(id: string, error: string): Promise<void> {
    const delivery = this.deliveries.get(id)!;
    this.deliveries.set(id, { ...delivery, attempts: delivery.attempts + 1, lastError: error });
  }

  async refused(id: string, error: string): Promise<void> {
    const delivery = this.deliveries.get(id)!;
    this.deliveries.set(id, {
      ...delivery,
      state: 'refused',
      attempts: delivery.attempts + 1,
      lastError: error,
    });
  }
}
