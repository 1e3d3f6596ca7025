import { Inject, Injectable } from '@nestjs/common';
import { type NotificationKind } from '@ib/domain';
import { READ_MODEL_ACCESS, type ReadModelAccess } from '../read-model';
import {
  requireAll,
  type ReadModelWriter,
  type WriteStatement,
} from '../infrastructure/read-model/read-model-writes';
import { type Notification } from './notification';
import {
  type MailDeliveries,
  type MailDelivery,
  type NotificationPage,
  type NotificationStore,
} from './notification-store.port';

type Row = Record<string, unknown>;

const NOTIFICATION_COLUMNS = [
  'id',
  'user_id',
  'kind',
  'title',
  'body',
  'link',
  'event_id',
  'position',
  'environment',
  'created_at',
  'read_at',
] as const;
const DELIVERY_COLUMNS = ['id', 'recipient', 'state', 'attempts', 'last_error', 'sent_at'] as const;

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');
const text = (value: unknown): string | undefined =>
  value === null || value === undefined ? undefined : String(value);

const notificationOf = (row: Row): Notification => {
  const environment = text(row.environment);
  const readAt = text(row.read_at);
  return {
    id: String(row.id),
    userId: String(row.user_id),
    kind: String(row.kind) as NotificationKind,
    title: String(row.title),
    body: String(row.body),
    link: String(row.link),
    eventId: String(row.event_id),
    position: Number(row.position),
    ...(environment === undefined ? {} : { environment }),
    createdAt: String(row.created_at),
    ...(readAt === undefined ? {} : { readAt }),
  };
};

const deliveryOf = (row: Row): MailDelivery => {
  const lastError = text(row.last_error);
  const sentAt = text(row.sent_at);
  return {
    id: String(row.id),
    recipient: String(row.recipient),
    state: row.state === 'sent' || row.state === 'refused' ? row.state : 'pending',
    attempts: Number(row.attempts),
    ...(lastError === undefined ? {} : { lastError }),
    ...(sentAt === undefined ? {} : { sentAt }),
  };
};

/**
 * The notifications and their mail deliveries in the read-model database (SQLite or MySQL): read on
 * the API's reader, written through the read model's one writer. The reactors' writes (recording,
 * deliveries) commit only under the process managers' lease; a user's read marks are their own state,
 * written by their request, not events: what someone has seen is no fact of the product's history.
 */
@Injectable()
export class ReadModelNotificationStore implements NotificationStore, MailDeliveries {
  constructor(@Inject(READ_MODEL_ACCESS) private readonly access: ReadModelAccess) {}

  async record(notifications: readonly Omit<Notification, 'readAt'>[]): Promise<void> {
    if (notifications.length === 0) return;
    await this.write(this.access.processWriter, 'record notifications', {
      sql: this.insertIgnoringDuplicates('notifications', NOTIFICATION_COLUMNS),
      rows: notifications.map((notification) => [
        notification.id,
        notification.userId,
        notification.kind,
        notification.title,
        notification.body,
        notification.link,
        notification.eventId,
        notification.position,
        notification.environment ?? null,
        notification.createdAt,
        null,
      ]),
    });
  }

  async ofEvents(eventIds: readonly string[]): Promise<Notification[]> {
    if (eventIds.length === 0) return [];
    const rows = await this.access.reader.rows(
      `select * from \`notifications\` where \`event_id\` in (${placeholders(eventIds.length)}) ` +
        'order by `position`, `id`',
      eventIds,
    );
    return rows.map(notificationOf);
  }

  async after(position: number, limit: number): Promise<Notification[]> {
    const rows = await this.access.reader.rows(
      'select * from `notifications` where `position` > ? order by `position`, `id` limit ?',
      [position, limit],
    );
    return rows.map(notificationOf);
  }

  async lastPosition(): Promise<number> {
    const [row] = await this.access.reader.rows(
      'select coalesce(max(`position`), 0) as `last` from `notifications`',
      [],
    );
    return Number(row?.last ?? 0);
  }

  async page(
    userId: string,
    { after, limit }: Readonly<{ after?: number; limit: number }>,
  ): Promise<NotificationPage> {
    // One more than asked: whether another page follows, without counting them all.
    const rows = await this.access.reader.rows(
      'select * from `notifications` where `user_id` = ?' +
        (after === undefined ? '' : ' and `position` < ?') +
        ' order by `position` desc limit ?',
      after === undefined ? [userId, limit + 1] : [userId, after, limit + 1],
    );
    const items = rows.slice(0, limit).map(notificationOf);
    return rows.length > limit ? { items, next: items.at(-1)!.position } : { items };
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.access.reader.rows(
      'select count(*) as `unread` from `notifications` where `user_id` = ? and `read_at` is null',
      [userId],
    );
    return Number(row?.unread ?? 0);
  }

  async get(userId: string, id: string): Promise<Notification | undefined> {
    const [row] = await this.access.reader.rows(
      'select * from `notifications` where `id` = ? and `user_id` = ?',
      [id, userId],
    );
    return row === undefined ? undefined : notificationOf(row);
  }

  async markRead(userId: string, id: string, at: string): Promise<void> {
    await this.write(this.access.writer, 'read notification', {
      sql: 'update `notifications` set `read_at` = ? where `id` = ? and `user_id` = ? and `read_at` is null',
      rows: [[at, id, userId]],
    });
  }

  async markAllRead(userId: string, at: string): Promise<void> {
    await this.write(this.access.writer, 'read notifications', {
      sql: 'update `notifications` set `read_at` = ? where `user_id` = ? and `read_at` is null',
      rows: [[at, userId]],
    });
  }

  async of(ids: readonly string[]): Promise<ReadonlyMap<string, MailDelivery>> {
    if (ids.length === 0) return new Map();
    const rows = await this.access.reader.rows(
      `select * from \`mail_deliveries\` where \`id\` in (${placeholders(ids.length)})`,
      ids,
    );
    return new Map(rows.map((row) => [String(row.id), deliveryOf(row)]));
  }

  async begin(id: string, recipient: string): Promise<void> {
    await this.write(this.access.processWriter, 'record mail delivery', {
      sql: this.insertIgnoringDuplicates('mail_deliveries', DELIVERY_COLUMNS),
      rows: [[id, recipient, 'pending', 0, null, null]],
    });
  }

  async sent(id: string, at: string): Promise<void> {
    await this.write(this.access.processWriter, 'mail delivered', {
      sql:
        "update `mail_deliveries` set `state` = 'sent', `attempts` = `attempts` + 1, `sent_at` = ?, " +
        '`last_error` = null where `id` = ?',
      rows: [[at, id]],
    });
  }

  async failed(id: string, error: string): Promise<void> {
    await this.write(this.access.processWriter, 'mail delivery failed', {
      sql: 'update `mail_deliveries` set `attempts` = `attempts` + 1, `last_error` = ? where `id` = ?',
      rows: [[error.slice(0, 2000), id]],
    });
  }

  async refused(id: string, error: string): Promise<void> {
    await this.write(this.access.processWriter, 'mail delivery refused', {
      sql:
        "update `mail_deliveries` set `state` = 'refused', `attempts` = `attempts` + 1, `last_error` = ? " +
        'where `id` = ?',
      rows: [[error.slice(0, 2000), id]],
    });
  }

  private async write(writer: ReadModelWriter, name: string, statement: WriteStatement): Promise<void> {
    requireAll(await writer.write([{ name, statements: [statement] }]));
  }

  /** An insert that leaves a row of the same key as it is (a redelivered batch records nothing twice). */
  private insertIgnoringDuplicates(table: string, columns: readonly string[]): string {
    const insert =
      `insert into \`${table}\` (${columns.map((column) => `\`${column}\``).join(', ')}) ` +
      `values (${placeholders(columns.length)})`;
    return this.access.dialect === 'mysql'
      ? `${insert} on duplicate key update \`id\` = \`id\``
      : `${insert} on conflict (\`id\`) do nothing`;
  }
}
