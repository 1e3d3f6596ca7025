import { type MailSender } from './mail-sender.port';

/** SMTP_URL unset: mail is off and nothing is sent; callers read `enabled` and skip the mail. */
export const disabledMailSender: MailSender = {
  enabled: false,
  send: () => Promise.resolve(),
  close: () => Promise.resolve(),
};
