import { type Notification } from './notification';

export type NotificationPage = Readonly<{
  items: Notification[];
  /** The position to continue after (older ones), when there are more. */
  next?: number;
}>;

/**
 * The notifications of every user. The notifier records them (only under the process managers'
 * lease); a user reads theirs and marks them read.
 */
export interface NotificationStore {
  /** Records each one unless its id is recorded already. */
  record(notifications: readonly Omit<Notification, 'readAt'>[]): Promise<void>;
  /** The notifications of these events, in log order. */
  ofEvents(eventIds: readonly string[]): Promise<Notification[]>;
  /** Every user's notifications of events after `position`, in log order, at most `limit`. */
  after(position: number, limit: number): Promise<Notification[]>;
  /** The position of the latest event anyone was notified of (0 when none). */
  lastPosition(): Promise<number>;
  /** A page of the user's notifications, newest first, older than position `after` when given. */
  page(userId: string, page: Readonly<{ after?: number; limit: number }>): Promise<NotificationPage>;
  unreadCount(userId: string): Promise<number>;
  /** The user's notification; undefined when there is none of that id, or it is another user's. */
  get(userId: string, id: string): Promise<Notification | undefined>;
  /** Marks it read at `at`, unless it was read already. */
  markRead(userId: string, id: string, at: string): Promise<void>;
  markAllRead(userId: string, at: string): Promise<void>;
}

export type MailDelivery = Readonly<{
  id: string;
  recipient: string;
  /** `refused`: the mail server refused it for good (a 5xx); it is never sent again. */
  state: 'pending' | 'sent' | 'refused';
  attempts: number;
  lastError?: string;
  sentAt?: string;
}>;

/** The email of each notification: recorded before it is sent, marked once it was. */
export interface MailDeliveries {
  of(ids: readonly string[]): Promise<ReadonlyMap<string, MailDelivery>>;
  /** Records a pending delivery of notification `id` to `recipient`, unless one is recorded already. */
  begin(id: string, recipient: string): Promise<void>;
  sent(id: string, at: string): Promise<void>;
  failed(id: string, error: string): Promise<void>;
  refused(id: string, error: string): Promise<void>;
}

export const NOTIFICATION_STORE = Symbol('NOTIFICATION_STORE');
export const MAIL_DELIVERIES = Symbol('MAIL_DELIVERIES');
