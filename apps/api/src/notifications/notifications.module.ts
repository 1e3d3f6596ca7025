import { Module } from '@nestjs/common';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { AuditModule } from '../audit';
import { IdentityModule } from '../identity';
import { IntegrationsModule } from '../integrations';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { MAIL_SENDER, type MailSender } from '../infrastructure/mail/mail-sender.port';
import { ProcessManagerRunner } from '../infrastructure/process-managers/process-manager-runner';
import { ApprovalsController } from './approvals/approvals.http';
import { ApprovalsInbox } from './approvals/approvals-inbox';
import { NotificationPush } from './live/notification-push';
import { Mailer } from './mail/mailer.reactor';
import { PUBLIC_URL } from './mail/public-url';
import { MyNotifications } from './my-notifications/my-notifications';
import { MyNotificationsController } from './my-notifications/my-notifications.http';
import { NotificationReactors } from './notification-reactors';
import {
  MAIL_DELIVERIES,
  type MailDeliveries,
  NOTIFICATION_STORE,
  type NotificationStore,
} from './notification-store.port';
import { Notifier, NOTIFIER } from './notify/notifier.reactor';
import { ReadModelNotificationStore } from './read-model-notification-store';
import { RECIPIENT_DIRECTORY, type RecipientDirectory } from './recipients/recipient-directory.port';
import { UsersRecipientDirectory } from './recipients/users-recipient-directory';

/**
 * Tells people what needs them: the notifier records in-app notifications from the log, the mailer
 * sends those their recipients want by email (when a MailSender is configured), and each user reads
 * theirs; the approvals inbox lists what waits for the caller's decision.
 */
@Module({
  imports: [IdentityModule, IntegrationsModule, AuditModule],
  controllers: [MyNotificationsController, ApprovalsController],
  providers: [
    ReadModelNotificationStore,
    { provide: NOTIFICATION_STORE, useExisting: ReadModelNotificationStore },
    { provide: MAIL_DELIVERIES, useExisting: ReadModelNotificationStore },
    { provide: RECIPIENT_DIRECTORY, useClass: UsersRecipientDirectory },
    { provide: PUBLIC_URL, useFactory: (config: AppConfig) => config.publicUrl, inject: [APP_CONFIG] },
    Notifier,
    NotificationPush,
    {
      provide: Mailer,
      useFactory: (
        notifications: NotificationStore,
        deliveries: MailDeliveries,
        directory: RecipientDirectory,
        clock: Clock,
        publicUrl: string,
        processes: ProcessManagerRunner,
        sender?: MailSender,
      ) =>
        new Mailer(notifications, deliveries, directory, sender, clock, publicUrl, {
          notifierPosition: () => processes.positionOf(NOTIFIER),
        }),
      inject: [
        NOTIFICATION_STORE,
        MAIL_DELIVERIES,
        RECIPIENT_DIRECTORY,
        CLOCK,
        PUBLIC_URL,
        ProcessManagerRunner,
        // Mail is off when nothing provides a sender: in-app notifications go on.
        { token: MAIL_SENDER, optional: true },
      ],
    },
    NotificationReactors,
    MyNotifications,
    ApprovalsInbox,
  ],
})
export class NotificationsModule {}
