import { get, type IncomingMessage } from 'node:http';

/** One server-sent event as read off the wire; `comment` for a line starting with a colon. */
export type SseFrame = Readonly<{ event?: string; id?: string; data?: string; comment?: string }>;

const parseBlock = (block: string): SseFrame[] => {
  const frame: Record<string, string> = {};
  const comments: SseFrame[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) comments.push({ comment: line.slice(1).trim() });
    else {
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event' || field === 'id' || field === 'data') frame[field] = value;
    }
  }
  return Object.keys(frame).length > 0 ? [...comments, frame] : comments;
};

/**
 * A stream read with node's http client, as a plain client (not EventSource) sees it: the answer's
 * status and headers, then every frame as it arrives.
 */
export class SseReader {
  readonly frames: SseFrame[] = [];
  private buffer = '';
  private ended = false;
  private readonly waiters = new Set<() => void>();
  readonly closed: Promise<void>;

  private constructor(readonly response: IncomingMessage) {
    response.setEncoding('utf8');
    this.closed = new Promise((resolve) => {
      response.on('close', () => {
        this.ended = true;
        this.wake();
        resolve();
      });
    });
    response.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (let end = this.buffer.indexOf('\n\n'); end >= 0; end = this.buffer.indexOf('\n\n')) {
        this.frames.push(...parseBlock(this.buffer.slice(0, end)));
        this.buffer = this.buffer.slice(end + 2);
      }
      this.wake();
    });
    response.on('error', () => undefined);
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
    return new Promise((resolve, reject) => {
      const request = get(url, { headers: { Accept: 'text/event-stream', ...headers } }, (response) =>
        resolve(new SseReader(response)),
      );
      request.on('error', reject);
    });
  }

  get status(): number {
    return this.response.statusCode ?? 0;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** The whole body of an answer that is not a stream (a problem). */
  async body(): Promise<Record<string, unknown>> {
    await this.closed;
    return JSON.parse(this.buffer) as Record<string, unknown>;
  }

  /** `change` frames' data, parsed. */
  changes(): Array<Record<string, unknown> & { id: string }> {
    return this.frames
      .filter((frame) => frame.event === 'change')
      .map((frame) => ({
        ...(JSON.parse(frame.data ?? '{}') as Record<string, unknown>),
        id: frame.id ?? '',
      }));
  }

  /** The first frame meeting `accept`, waiting for it up to `timeoutMs`. */
  async waitFor(accept: (frame: SseFrame) => boolean, what: string, timeoutMs = 3_000): Promise<SseFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(accept);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0 || this.ended)
        throw new Error(`No frame for ${what} (got ${JSON.stringify(this.frames)})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.response.destroy();
  }

  private wake(): void {
    for (const waiter of this.waiters) waiter();
    this.waiters.clear();
  }
}
