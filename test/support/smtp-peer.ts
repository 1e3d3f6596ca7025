import { createServer, type Socket } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** One message as the peer received it, parsed. */
export type ReceivedMail = Readonly<{
  /** The From header's mailbox, `Name <address>`. */
  from: string;
  /** The envelope's recipients: where the message was actually delivered. */
  to: readonly string[];
  subject: string;
  text: string;
  html: string;
  /** The Message-ID header, angle brackets included. */
  messageId: string;
}>;

export type SmtpPeerOptions = Readonly<{
  /** Logins are refused unless they give exactly these; without, the peer takes mail from anyone. */
  auth?: Login;
  /** Recipients answered 550 (mailbox unavailable): a permanent refusal. */
  refuseRecipients?: RegExp;
  /** false: messages are only counted (`received`), not parsed or kept, so a benchmark measures the client. */
  parse?: boolean;
}>;

type Login = Readonly<{ user: string; password: string }>;

/** `smtp://user:password@127.0.0.1:port` (no credentials without a login), for SMTP_URL. */
export const smtpUrl = (port: number, login?: Login): string =>
  `smtp://${login ? `${encodeURIComponent(login.user)}:${encodeURIComponent(login.password)}@` : ''}127.0.0.1:${port}`;

/** `Name <address>` (or the bare address) of each mailbox, unquoted, as a reader would write it. */
const addressText = (header: AddressObject | AddressObject[] | undefined): string =>
  (Array.isArray(header) ? header : header ? [header] : [])
    .flatMap(({ value }) => value)
    .map(({ name, address }) => (name ? `${name} <${address ?? ''}>` : (address ?? '')))
    .join(', ');

/**
 * A real SMTP server on a local port (smtp-server), keeping every message it accepts, parsed
 * (mailparser). It can go down (listener closed, open connections cut: a crash as clients see it) and
 * come back on the same port. Plain TCP without STARTTLS, so clients log in over it as they would to a
 * local relay.
 */
export class SmtpPeer {
  readonly messages: ReceivedMail[] = [];
  /** Messages accepted since the start, parsed or not. */
  received = 0;
  private server?: SMTPServer;
  private readonly sockets = new Set<Socket>();

  private constructor(
    readonly port: number,
    private readonly options: SmtpPeerOptions,
  ) {}

  static async start(options: SmtpPeerOptions = {}): Promise<SmtpPeer> {
    const probe = createServer();
    const port = await new Promise<number>((resolve) =>
      probe.listen(0, '127.0.0.1', () => resolve((probe.address() as { port: number }).port)),
    );
    await new Promise((resolve) => probe.close(resolve));
    const peer = new SmtpPeer(port, options);
    await peer.up();
    return peer;
  }

  /** This peer's SMTP_URL, with its own login unless another is given. */
  url(login: Login | undefined = this.options.auth): string {
    return smtpUrl(this.port, login);
  }

  /** Listens again (nothing when it already does). */
  async up(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer(this.serverOptions());
    server.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    // A client cut off by down() is an expected event, not a failure of the peer.
    server.on('error', () => undefined);
    this.server = server;
  }

  /** Stops listening and cuts every open connection: new ones are refused until up(). */
  async down(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await closed;
  }

  async stop(): Promise<void> {
    await this.down();
  }

  /** Resolves once `count` messages have arrived, or rejects after `timeoutMs`. */
  async waitForMessages(count: number, timeoutMs = 5_000): Promise<readonly ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      if (Date.now() > deadline)
        throw new Error(`expected ${count} messages within ${timeoutMs} ms, got ${this.messages.length}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.messages;
  }

  private serverOptions(): SMTPServerOptions {
    const auth = this.options.auth;
    return {
      logger: false,
      // No DNS: the peer answers at once and works without a resolver.
      disableReverseLookup: true,
      disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: auth === undefined,
      allowInsecureAuth: true,
      onAuth: (login, _session, callback) =>
        auth && login.username === auth.user && login.password === auth.password
          ? callback(null, { user: login.username })
          : callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 })),
      onRcptTo: ({ address }, _session, callback) =>
        this.options.refuseRecipients?.test(address)
          ? callback(Object.assign(new Error(`No mailbox ${address}`), { responseCode: 550 }))
          : callback(),
      onData: (stream, session, callback) => {
        if (this.options.parse === false) {
          stream.on('end', () => {
            this.received++;
            callback();
          });
          stream.resume();
          return;
        }
        simpleParser(stream)
          .then((parsed) => {
            this.received++;
            this.messages.push({
              from: addressText(parsed.from),
              to: session.envelope.rcptTo.map(({ address }) => address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              messageId: parsed.messageId ?? '',
            });
            callback();
          })
          .catch((error: unknown) => callback(error as Error));
      },
    };
  }
}
