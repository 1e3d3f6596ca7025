import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { LiveStream } from '../../audit';
import { type Notification } from '../notification';
import { NOTIFICATION_STORE, type NotificationStore } from '../notification-store.port';

/** How often each instance looks for notifications recorded since it last looked. */
export const NOTIFICATION_PUSH_INTERVAL_MS = 1_000;
/** The most notifications pushed per look; the next look goes on from there. */
const BATCH = 500;

/**
 * A full batch may end inside one event's notifications: those of its last event wait for the next
 * look, which starts after the event before it (unless the batch holds one event only).
 */
function complete(batch: readonly Notification[]): readonly Notification[] {
  if (batch.length < BATCH) return batch;
  const last = batch[batch.length - 1].position;
  const before = batch.filter(({ position }) => position < last);
  return before.length === 0 ? batch : before;
}

/**
 * Brings new notifications to the streams open on this instance (GET /api/stream). The notifier
 * records them on one instance only (under the process managers' lease), so every instance follows
 * the recorded notifications by position, as its streams follow the log: a user's console gets
 * theirs whichever instance serves its stream. The instance that records them is woken at once
 * (`wake`), the others look every second.
 */
@Injectable()
export class NotificationPush implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationPush');
  private seen?: number;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;

  constructor(
    @Inject(NOTIFICATION_STORE) private readonly notifications: NotificationStore,
    private readonly live: LiveStream,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), NOTIFICATION_PUSH_INTERVAL_MS);
    this.timer.unref();
    this.wake();
  }

  onApplicationShutdown(): Promise<void> | undefined {
    clearInterval(this.timer);
    return this.running;
  }

  /** Looks now (or right after the look under way). */
  wake(): void {
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    this.running = this.push()
      .catch((error: unknown) =>
        // The next look retries from the same position: nothing is lost, a user's bell waits a little.
        this.logger.warn(`Notifications not pushed yet: ${error instanceof Error ? error.message : error}`),
      )
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async push(): Promise<void> {
    // What was recorded before this instance started is in each user's list already.
    this.seen ??= await this.notifications.lastPosition();
    for (;;) {
      const batch = await this.notifications.after(this.seen, BATCH);
      const recorded = complete(batch);
      for (const { id, userId, kind, title, link } of recorded)
        this.live.publishToUser(userId, { id, kind, title, link });
      if (recorded.length > 0) this.seen = recorded[recorded.length - 1].position;
      if (batch.length < BATCH) return;
    }
  }
}
