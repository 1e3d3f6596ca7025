import { createTransport, type SMTPPoolOptions, type Transporter } from 'nodemailer';
import { MailDeliveryError } from './mail-delivery.error';
import { type MailMessage, type MailSender } from './mail-sender.port';
import { describeMailServer, type MailSettings } from './mail-settings';

export type NodemailerMailSenderOptions = Readonly<{
  /** TCP (and TLS) connection to the server. */
  connectionTimeoutMs?: number;
  /** From connected to the server's greeting. */
  greetingTimeoutMs?: number;
  /** Silence on an open connection. */
  socketTimeoutMs?: number;
  /** One send from start to the server's answer, waiting for a pooled connection included. */
  sendTimeoutMs?: number;
  /** Connections kept open to the server. */
  maxConnections?: number;
}>;

export const MAIL_TIMEOUTS = {
  connectionTimeoutMs: 5_000,
  greetingTimeoutMs: 5_000,
  socketTimeoutMs: 20_000,
  sendTimeoutMs: 30_000,
} as const;

type NodemailerError = Error & { code?: string; responseCode?: number };

// A 5xx to the envelope or the data refuses this message; a 5xx to AUTH refuses the configuration.
const MESSAGE_REFUSALS = new Set(['EENVELOPE', 'EMESSAGE']);

/**
 * Mail over SMTP through nodemailer's pooled transport: a few connections kept open and reused, so a
 * burst of notifications does not pay a TCP, TLS and AUTH handshake per message. Timeouts are short
 * enough that a dead or silent server fails a send within seconds, and the caller (a reactor that
 * retries with backoff) decides what happens next; nothing here retries on its own.
 */
export class NodemailerMailSender implements MailSender {
  readonly enabled = true;
  private readonly transport: Transporter;
  private readonly sendTimeoutMs: number;
  private closed = false;

  constructor(
    private readonly settings: MailSettings,
    options: NodemailerMailSenderOptions = {},
  ) {
    const timeouts = { ...MAIL_TIMEOUTS, ...options };
    this.sendTimeoutMs = timeouts.sendTimeoutMs;
    const transportOptions: SMTPPoolOptions & { pool: true } = {
      pool: true,
      maxConnections: options.maxConnections ?? 3,
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      ...(settings.auth ? { auth: { user: settings.auth.user, pass: settings.auth.password } } : {}),
      connectionTimeout: timeouts.connectionTimeoutMs,
      greetingTimeout: timeouts.greetingTimeoutMs,
      socketTimeout: timeouts.socketTimeoutMs,
      // A connection dropped mid-delivery fails the send instead of being retried inside the pool:
      // the caller's backoff is the one retry policy, and what it reports is what happened.
      maxRequeues: 0,
      logger: false,
      // Messages are built from text the product writes: no file or URL is ever read into one.
      disableFileAccess: true,
      disableUrlAccess: true,
    };
    this.transport = createTransport(transportOptions);
  }

  async send(message: MailMessage): Promise<void> {
    if (this.closed)
      throw new MailDeliveryError(
        `Mail to ${this.server} not sent: the sender is closed`,
        undefined,
        undefined,
        false,
      );
    try {
      await this.transport.sendMail({
        from: this.settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        signal: AbortSignal.timeout(this.sendTimeoutMs),
      });
    } catch (error) {
      throw this.deliveryError(error as NodemailerError);
    }
  }

  close(): Promise<void> {
    this.closed = true;
    this.transport.close();
    return Promise.resolve();
  }

  private get server(): string {
    return describeMailServer(this.settings);
  }

  private deliveryError(error: NodemailerError): MailDeliveryError {
    const timedOut = error.name === 'AbortError';
    const reason = timedOut
      ? `no answer within ${this.sendTimeoutMs} ms`
      : this.withoutSecrets(error.message);
    const code = timedOut ? 'ETIMEDOUT' : error.code;
    const permanent =
      code !== undefined &&
      MESSAGE_REFUSALS.has(code) &&
      error.responseCode !== undefined &&
      error.responseCode >= 500 &&
      error.responseCode !== 503;
    return new MailDeliveryError(
      `Mail to ${this.server} not sent: ${reason}`,
      code,
      error.responseCode,
      permanent,
    );
  }

  /** A server may echo what it was sent: the password, as typed or as AUTH PLAIN/LOGIN encode it, never leaves. */
  private withoutSecrets(text: string): string {
    const auth = this.settings.auth;
    if (auth === undefined) return text;
    const forms = [
      auth.password,
      encodeURIComponent(auth.password),
      Buffer.from(auth.password).toString('base64'),
      Buffer.from(`\u0000${auth.user}\u0000${auth.password}`).toString('base64'),
    ];
    return forms.reduce((redacted, form) => redacted.split(form).join('***'), text);
  }
}
