/** One message to one recipient: plain text and HTML parts of the same content, never a secret. */
export type MailMessage = Readonly<{
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * Stable per (event, recipient): sent as the Message-ID, so a message delivered twice (at-least-once)
   * is recognisably the same message.
   */
  messageId: string;
}>;

/**
 * Sends mail (SMTP_URL; see nodemailer-mail-sender.ts). A fault of the mail server rejects: the
 * caller (a reactor) retries later, and no command ever waits for mail.
 */
export interface MailSender {
  /** false when SMTP_URL is unset: nothing is sent, in-app notifications still are. */
  readonly enabled: boolean;
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

export const MAIL_SENDER = Symbol('MAIL_SENDER');
