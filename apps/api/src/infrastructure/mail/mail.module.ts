import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../../config/app-config.provider';
import { type AppConfig } from '../../config/app-config';
import { disabledMailSender } from './disabled-mail-sender';
import { MAIL_SENDER, type MailSender } from './mail-sender.port';
import { describeMailServer } from './mail-settings';
import { NodemailerMailSender } from './nodemailer-mail-sender';

/**
 * MAIL_SENDER for the whole application: SMTP through nodemailer when SMTP_URL is set, else a sender
 * that is disabled. Nothing connects at start: a mail server that is down delays mail, never the API.
 */
@Global()
@Module({
  providers: [
    {
      provide: MAIL_SENDER,
      useFactory: (config: AppConfig): MailSender => {
        const logger = new Logger('Mail');
        if (config.mail === undefined) {
          logger.log('Mail is off (SMTP_URL is unset): notifications stay in the console');
          return disabledMailSender;
        }
        logger.log(`Mail goes through ${describeMailServer(config.mail)} from ${config.mail.from}`);
        return new NodemailerMailSender(config.mail);
      },
      inject: [APP_CONFIG],
    },
  ],
  exports: [MAIL_SENDER],
})
export class MailModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_SENDER) private readonly sender: MailSender) {}

  async onApplicationShutdown(): Promise<void> {
    await this.sender.close();
  }
}
