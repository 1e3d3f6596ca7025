/** A change the caller may see: `data` of an `event: change` frame, whose `id:` is its position. */
export type StreamChange = Readonly<{ type: string; streamId: string; position: number }>;

/** A new notification of the caller: `data` of an `event: notification` frame. */
export type StreamNotification = Readonly<{ id: string; kind: string; title: string; link: string }>;

export type StreamListener = Readonly<{
  change: (change: StreamChange) => void;
  notification: (notification: StreamNotification) => void;
  /** What was missed cannot be told change by change: reload everything shown. */
  reset: () => void;
  /**
   * A stream opened again after a gap. The changes missed are replayed (or a reset comes), but not the
   * notifications, which have no position: read them again.
   */
  reopened: () => void;
}>;

/** The part of a browser's EventSource the stream uses (a spec hands a fake). */
export type EventSourceLike = Readonly<{
  addEventListener: (type: string, listener: (event: MessageEvent<string>) => void) => void;
  close: () => void;
}>;

export type LiveStreamPorts = Readonly<{
  /** POST /api/stream/tickets: a ticket opens one stream, once. */
  issueTicket: () => Promise<string>;
  /** GET /api/stream?ticket=...&lastEventId=... */
  open: (ticket: string, lastEventId: string | undefined) => EventSourceLike;
  listener: StreamListener;
}>;

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/** How long to wait before the next attempt, after `failures` attempts in a row that did not open. */
export const retryDelay = (failures: number): number =>
  Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures);

const isUnauthorized = (error: unknown): boolean =>
  (error as { statusCode?: number } | undefined)?.statusCode === 401;

/**
 * The tab's one event stream. A ticket opens one stream only, and a stream ends when its user changes
 * (roles, password, profile): the browser's own reconnect would send the spent ticket again and get a
 * 401. So on any error or end this closes the EventSource, asks for a new ticket and opens a new one
 * with the position of the last change seen, which the server resumes after; waiting longer after each
 * attempt that did not open. Without a position (no change seen yet) the listener is told to reset
 * instead, since what changed in between is unknown.
 */
export class LiveStream {
  private source?: EventSourceLike;
  private retry?: ReturnType<typeof setTimeout>;
  /** Bumped by start and stop: a ticket or timer of an earlier run finds it changed and does nothing. */
  private run = 0;
  private running = false;
  private lastEventId?: string;
  private failures = 0;
  private wasOpen = false;
  private open = false;

  constructor(private readonly ports: LiveStreamPorts) {}

  /** Whether a stream is open now: pages poll only while it is not (a fallback, not the way). */
  get isOpen(): boolean {
    return this.open;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.connect(++this.run);
  }

  stop(): void {
    this.running = false;
    this.run++;
    clearTimeout(this.retry);
    this.source?.close();
    this.source = undefined;
    this.lastEventId = undefined;
    this.failures = 0;
    this.wasOpen = false;
    this.open = false;
  }

  private async connect(run: number): Promise<void> {
    let ticket: string;
    try {
      ticket = await this.ports.issueTicket();
    } catch (error) {
      if (run !== this.run) return;
      // The session is over: the console logs out on its next request; nothing to follow until a login.
      if (isUnauthorized(error)) return this.stop();
      return this.retryLater(run);
    }
    if (run !== this.run) return;
    const source = this.ports.open(ticket, this.lastEventId);
    this.source = source;
    const { listener } = this.ports;
    source.addEventListener('open', () => {
      const reopened = this.wasOpen;
      this.open = true;
      this.failures = 0;
      this.wasOpen = true;
      if (!reopened) return;
      listener.reopened();
      if (this.lastEventId === undefined) listener.reset();
    });
    source.addEventListener('change', (event) => {
      this.lastEventId = event.lastEventId || this.lastEventId;
      listener.change(JSON.parse(event.data) as StreamChange);
    });
    source.addEventListener('notification', (event) =>
      listener.notification(JSON.parse(event.data) as StreamNotification),
    );
    source.addEventListener('reset', (event) => {
      this.lastEventId = event.lastEventId || this.lastEventId;
      listener.reset();
    });
    source.addEventListener('error', () => {
      if (this.source !== source) return;
      this.open = false;
      source.close();
      this.source = undefined;
      this.retryLater(run);
    });
  }

  private retryLater(run: number): void {
    const delay = retryDelay(this.failures++);
    this.retry = setTimeout(() => {
      if (run === this.run) void this.connect(run);
    }, delay);
  }
}
