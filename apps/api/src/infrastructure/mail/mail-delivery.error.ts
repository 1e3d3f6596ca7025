/**
 * A message the mail server did not take. Its text names the server without the password and never
 * carries the nodemailer error itself (whose `command` may hold the AUTH exchange).
 */
export class MailDeliveryError extends Error {
  override readonly name = 'MailDeliveryError';

  constructor(
    message: string,
    /** nodemailer's code (`ECONNECTION`, `ETIMEDOUT`, `EAUTH`, `EENVELOPE`, ...), when it gave one. */
    readonly code: string | undefined,
    /** The SMTP reply code, when the server answered. */
    readonly responseCode: number | undefined,
    /**
     * The server refused this message or its recipient for good (a 5xx to MAIL, RCPT or DATA): sending
     * it again gets the same answer. Outages, timeouts and a refused login are not permanent: they end
     * when the server or its configuration is fixed.
     */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}
