/** The mail server as configured (SMTP_URL, MAIL_FROM); absent when SMTP_URL is unset and mail is off. */
export type MailSettings = Readonly<{
  host: string;
  port: number;
  /**
   * `smtps://`: TLS from the first byte (port 465 by default). `smtp://`: plain TCP (port 587 by
   * default), upgraded with STARTTLS whenever the server offers it.
   */
  secure: boolean;
  /** The user and password of SMTP_URL, when it names them (both or neither). */
  auth?: Readonly<{ user: string; password: string }>;
  /** MAIL_FROM: the From of every message, `Name <address>` or a bare address. */
  from: string;
}>;

export const DEFAULT_MAIL_FROM = 'Integration Builder <no-reply@localhost>';

/** The server without its password, for log lines and error messages. */
export const describeMailServer = ({ host, port, secure, auth }: MailSettings): string =>
  `${secure ? 'smtps' : 'smtp'}://${auth ? `${encodeURIComponent(auth.user)}@` : ''}${host.includes(':') ? `[${host}]` : host}:${port}`;
