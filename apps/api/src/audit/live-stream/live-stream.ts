import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type RecordedEvent } from '@ib/domain';
import { APP_CONFIG } from '../../config/app-config.provider';
import { type AppConfig } from '../../config/app-config';
import { type AuthenticatedUser } from '../../identity';
import {
  EVENT_STORE,
  type EventStore,
  type Subscription,
} from '../../infrastructure/event-store/event-store.port';
import { HttpProblem } from '../../infrastructure/http/http-problem';
import { EventScopes } from './event-scopes';
import { type RawExchange } from './raw-exchange';
import { SseClient } from './sse-client';
import {
  changeFrame,
  HEARTBEAT,
  type LiveNotification,
  notificationFrame,
  OPENING,
  resetFrame,
} from './sse-frames';

const BATCH = 500;
/** A resume replays at most this many events; one further back gets a `reset` instead. */
export const MAX_REPLAYED_EVENTS = 10_000;
/** How long a failed subscription waits before it starts again from where it stopped. */
const RESUBSCRIBE_MS = 1_000;

/**
 * The open event streams of this instance (GET /api/stream), fed by ONE subscription to the log
 * whatever their number: each stored event's scope is worked out once, then offered to every
 * stream, which writes it if its viewer may see it (maySee). Notifications are pushed to a user's
 * streams by publishToUser. Heartbeats go to every stream from one timer. At shutdown every stream
 * is ended first, so the HTTP server can close and the process exit.
 *
 * Several instances: each one follows the shared log, so a stream on any instance sees every change;
 * publishToUser reaches the streams open on the instance that calls it.
 */
@Injectable()
export class LiveStream implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LiveStream');
  private readonly clients = new Set<SseClient>();
  private subscription?: Subscription;
  /** The last position offered to the streams: a stream opened now replays up to it, then goes live. */
  private position = 0;
  private heartbeat?: NodeJS.Timeout;
  private closing = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly scopes: EventScopes,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.position = await this.store.headPosition();
    this.subscribe();
    this.heartbeat = setInterval(() => this.beat(), this.config.streamHeartbeatMs);
    this.heartbeat.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    for (const client of [...this.clients]) client.close();
    await this.subscription?.stop();
  }

  /** How many streams are open on this instance. */
  get openStreams(): number {
    return this.clients.size;
  }

  /**
   * Writes `notification` to every stream `userId` has open on this instance; answers how many.
   * A stream still replaying what it missed gets it after that.
   */
  publishToUser(userId: string, notification: LiveNotification): number {
    const frame = notificationFrame(notification);
    let reached = 0;
    for (const client of this.clients)
      if (client.viewer.id === userId && client.isOpen) {
        client.offer(frame);
        reached++;
      }
    return reached;
  }

  /**
   * Opens a stream for `viewer`, after `resumeAfter` (a Last-Event-ID) when given: the events after
   * it are replayed from the log first, then the live ones follow; without one, the stream starts
   * where this instance stood before `check` ran. `check` may refuse the stream by throwing (an
   * error answer, nothing written): what it reads of the log is then at least as recent as where the
   * stream starts, so a change it did not see is one the stream delivers. `takeOver` hands over the
   * raw exchange once the stream is accepted.
   */
  async open(
    viewer: AuthenticatedUser,
    resumeAfter: number | undefined,
    check: () => Promise<void>,
    takeOver: () => RawExchange,
  ): Promise<void> {
    if (this.closing) throw shuttingDown();
    const checkedAt = this.position;
    await check();
    if (this.closing) throw shuttingDown();
    const { request, response } = takeOver();
    // From here until the stream is registered nothing awaits: every event after `upTo` is offered to it.
    const upTo = this.position;
    const after = resumeAfter ?? checkedAt;
    const client = new SseClient(viewer, response, after, (closed) => this.clients.delete(closed));
    this.clients.add(client);
    request.socket.setNoDelay(true);
    request.socket.setKeepAlive(true);
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      // Proxies such as nginx would otherwise hold the frames back to fill their buffers.
      'X-Accel-Buffering': 'no',
      ...(request.httpVersionMajor === 1 ? { Connection: 'keep-alive' } : {}),
    });
    client.write(OPENING);
    if (after < upTo)
      await this.replay(client, after, upTo).catch((error: unknown) => {
        this.logger.warn(`A stream could not replay what it missed: ${messageOf(error)}`);
        client.close();
      });
    client.goLive();
  }

  /** The events in (after, upTo] the client may see, read from the log, at the pace it reads them. */
  private async replay(client: SseClient, after: number, upTo: number): Promise<void> {
    let from = after;
    let read = 0;
    while (client.isOpen) {
      if (read >= MAX_REPLAYED_EVENTS) return client.skipTo(upTo, resetFrame(upTo));
      const batch = await this.store.readAll({ fromPosition: from, limit: BATCH });
      const due = batch.filter((event) => event.globalPosition <= upTo);
      const scopes = await this.scopes.of(due);
      for (const [index, event] of due.entries())
        await client.replay(event.globalPosition, scopes[index], changeFrame(event));
      read += due.length;
      if (due.length < BATCH) return;
      from = due[due.length - 1].globalPosition;
    }
  }

  private subscribe(): void {
    const subscription = this.store.subscribe({ fromPosition: this.position, batchSize: BATCH }, (batch) =>
      this.fanOut(batch),
    );
    this.subscription = subscription;
    void subscription.failed.then((error) => {
      if (this.closing || this.subscription !== subscription) return;
      this.logger.error(`The live stream stopped following the log, restarting: ${messageOf(error)}`);
      setTimeout(() => {
        if (!this.closing && this.subscription === subscription) this.subscribe();
      }, RESUBSCRIBE_MS).unref();
    });
  }

  private async fanOut(batch: readonly RecordedEvent[]): Promise<void> {
    const scopes = this.clients.size === 0 ? undefined : await this.scopes.of(batch);
    // From here to the new position nothing awaits: a stream opened meanwhile replays up to the old
    // position and holds these events, so it gets each event once.
    if (scopes !== undefined)
      for (const [index, event] of batch.entries()) {
        const frame = changeFrame(event);
        for (const client of this.clients) client.offerChange(event.globalPosition, scopes[index], frame);
      }
    this.position = batch[batch.length - 1]?.globalPosition ?? this.position;
  }

  private beat(): void {
    for (const client of this.clients) client.write(HEARTBEAT);
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const shuttingDown = () =>
  HttpProblem.unavailable('STREAM.SHUTTING_DOWN', 'This instance is shutting down', 1);
