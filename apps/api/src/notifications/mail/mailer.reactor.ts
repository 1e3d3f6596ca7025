import { Logger } from '@nestjs/common';
import { DEFAULT_EMAIL_KINDS, type RecordedEvent } from '@ib/domain';
import { type Clock } from '../../infrastructure/clock';
import { MailDeliveryError } from '../../infrastructure/mail/mail-delivery.error';
import { type MailSender } from '../../infrastructure/mail/mail-sender.port';
import { type ProcessManager } from '../../infrastructure/process-managers/process-manager';
import { NOTIFYING_EVENT_TYPES, type Notification } from '../notification';
import { type MailDeliveries, type NotificationStore } from '../notification-store.port';
import { type Recipient, type RecipientDirectory } from '../recipients/recipient-directory.port';
import { notificationMail } from './notification-mail';

/** Its name in GET /api/projections and the key of its checkpoint. */
export const MAILER = 'mailer';

export type MailerOptions = Readonly<{
  /** Up to where the notifier has recorded the log (undefined: it is not running here). */
  notifierPosition: () => number | undefined;
  /** How long a batch waits for the notifier before it is handed over again later. */
  waitForNotifierMs?: number;
  pollMs?: number;
}>;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The address a notification goes to by email, if its recipient wants it so. */
const addressFor = (recipient: Recipient | undefined, notification: Notification): string | undefined =>
  recipient?.email !== undefined && (recipient.emailKinds ?? DEFAULT_EMAIL_KINDS).includes(notification.kind)
    ? recipient.email
    : undefined;

/**
 * Sends by email the notifications their recipients want so, once the notifier has recorded them:
 * at least once, and deduplicated. Each message is recorded as a pending delivery before it is sent
 * and marked sent after; one already sent is never sent again. A message the server refuses for good
 * is marked refused and never tried again. When sending fails otherwise the handler throws,
 * so the runner hands the batch over again with a growing pause (GET /api/projections shows the
 * mailer's lag and last error) while commands go on. Without a mail server (SMTP_URL unset) it moves
 * on and records nothing: in-app notifications are told all the same.
 */
export class Mailer implements ProcessManager {
  readonly name = MAILER;
  readonly handles = NOTIFYING_EVENT_TYPES;
  /** Mail is about what happens from now on: a new installation never mails its history. */
  readonly firstStart = 'head';
  private readonly logger = new Logger('Mailer');
  private readonly waitForNotifierMs: number;
  private readonly pollMs: number;

  constructor(
    private readonly notifications: NotificationStore,
    private readonly deliveries: MailDeliveries,
    private readonly directory: RecipientDirectory,
    private readonly sender: MailSender | undefined,
    private readonly clock: Clock,
    private readonly publicUrl: string,
    private readonly options: MailerOptions,
  ) {
    this.waitForNotifierMs = options.waitForNotifierMs ?? 10_000;
    this.pollMs = options.pollMs ?? 25;
  }

  /** Pending deliveries are found again with their batch, which is handed over until it is sent. */
  resumeInFlight(): void {}

  async handle(events: readonly RecordedEvent[]): Promise<void> {
    const sender = this.sender;
    const last = events.at(-1)?.globalPosition;
    if (sender === undefined || !sender.enabled || last === undefined) return;
    await this.notifierPassed(last);
    const notifications = await this.notifications.ofEvents(events.map(({ eventId }) => eventId));
    if (notifications.length === 0) return;
    const recipients = await this.directory.find(notifications.map(({ userId }) => userId));
    const deliveries = await this.deliveries.of(notifications.map(({ id }) => id));
    for (const notification of notifications) {
      const delivery = deliveries.get(notification.id);
      if (delivery?.state === 'sent' || delivery?.state === 'refused') continue;
      // A delivery recorded before goes where it was meant to go then.
      const to = delivery?.recipient ?? addressFor(recipients.get(notification.userId), notification);
      if (to === undefined) continue;
      if (delivery === undefined) await this.deliveries.begin(notification.id, to);
      try {
        await sender.send(notificationMail(notification, to, this.publicUrl));
      } catch (error) {
        // Refused for good (a 5xx: no such mailbox, say): sending again would be refused again, and
        // would hold back every message after it. Recorded, and the others go on.
        if (error instanceof MailDeliveryError && error.permanent) {
          await this.deliveries.refused(notification.id, messageOf(error));
          this.logger.warn(`Mail of notification ${notification.id} refused: ${messageOf(error)}`);
          continue;
        }
        await this.deliveries
          .failed(notification.id, messageOf(error))
          .catch((recording: unknown) =>
            this.logger.warn(`Mail failure of ${notification.id} not recorded: ${messageOf(recording)}`),
          );
        throw new Error(`Sending notification ${notification.id} failed: ${messageOf(error)}`, {
          cause: error,
        });
      }
      await this.deliveries.sent(notification.id, this.clock.now().toISOString());
    }
  }

  /** The notifications of a batch exist once the notifier has been handed the batch's last event. */
  private async notifierPassed(position: number): Promise<void> {
    const until = Date.now() + this.waitForNotifierMs;
    while ((this.options.notifierPosition() ?? -1) < position) {
      if (Date.now() >= until)
        throw new Error(`The notifier has not recorded position ${position} yet: mail waits for it`);
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
  }
}
