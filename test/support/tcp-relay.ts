import { createServer, type Server, type Socket, connect } from 'node:net';

/** COM_QUERY, the MySQL protocol's command byte for a statement sent as text. */
const COM_QUERY = 0x03;

/** The statement a client→server chunk sends, when it is one MySQL COM_QUERY packet. */
function queryOf(chunk: Buffer): string | undefined {
  if (chunk.length < 5 || chunk[4] !== COM_QUERY) return undefined;
  const length = chunk.readUIntLE(0, 3);
  return chunk.subarray(5, 4 + length).toString('utf8');
}

/**
 * A TCP relay between a client and MariaDB that can go down (every connection cut, new ones refused)
 * and come back: the server going away and returning, as the client sees it. It can also lose the
 * server's answer to one statement, which the server still runs.
 */
export class TcpRelay {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private losing?: Readonly<{ statement: RegExp; lost: () => void }>;

  constructor(
    private readonly target: Readonly<{ host: string; port: number }>,
    readonly port: number,
  ) {}

  static async open(target: Readonly<{ host: string; port: number }>): Promise<TcpRelay> {
    const probe = createServer();
    const port = await new Promise<number>((resolve) =>
      probe.listen(0, '127.0.0.1', () => resolve((probe.address() as { port: number }).port)),
    );
    await new Promise((resolve) => probe.close(resolve));
    const relay = new TcpRelay(target, port);
    await relay.up();
    return relay;
  }

  /** `url` (a mysql:// URL) with its host and port replaced by the relay's. */
  urlFor(url: string): string {
    const relayed = new URL(url);
    relayed.host = `127.0.0.1:${this.port}`;
    return relayed.toString();
  }

  /** Listens again (nothing when it already does). */
  async up(): Promise<void> {
    if (this.server?.listening) return;
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.on('data', (chunk: Buffer) => this.forward(chunk, client, upstream));
      upstream.pipe(client);
    });
    const server = this.server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  }

  async down(): Promise<void> {
    const server = this.server;
    const closed = new Promise((resolve) => (server?.listening ? server.close(resolve) : resolve(undefined)));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  /**
   * The next statement matching `statement` reaches the server, which runs it, but its answer never
   * reaches the client: the client's connection is cut right after sending it. Resolves once that is done.
   */
  loseAnswerTo(statement: RegExp): Promise<void> {
    return new Promise((lost) => (this.losing = { statement, lost }));
  }

  private forward(chunk: Buffer, client: Socket, upstream: Socket): void {
    const losing = this.losing;
    const query = queryOf(chunk);
    if (losing === undefined || query === undefined || !losing.statement.test(query)) {
      upstream.write(chunk);
      return;
    }
    this.losing = undefined;
    // The server reads the statement, then the end of the stream: it runs the one and closes.
    upstream.unpipe(client);
    upstream.end(chunk);
    upstream.resume();
    client.destroy();
    losing.lost();
  }
}
