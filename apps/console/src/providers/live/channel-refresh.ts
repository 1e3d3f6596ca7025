export type RefreshTiming = Readonly<{ settleMs: number; followUpMs: number }>;

/**
 * The stream follows the log, while the lists read the views, which follow the log a moment later: a
 * list read at once may not show the change yet. So a channel hears of its changes twice: once they
 * settle (a burst of changes, one refresh), and once more when none came for a while, by which time
 * the views have caught up.
 */
export const REFRESH_TIMING: RefreshTiming = { settleMs: 100, followUpMs: 1_000 };

export class ChannelRefresh {
  private readonly soon = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly later = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly refresh: (channel: string) => void,
    private readonly timing: RefreshTiming = REFRESH_TIMING,
  ) {}

  changed(channel: string): void {
    if (!this.soon.has(channel))
      this.soon.set(
        channel,
        setTimeout(() => {
          this.soon.delete(channel);
          this.refresh(channel);
        }, this.timing.settleMs),
      );
    clearTimeout(this.later.get(channel));
    this.later.set(
      channel,
      setTimeout(() => {
        this.later.delete(channel);
        this.refresh(channel);
      }, this.timing.followUpMs),
    );
  }

  /** Forgets what was due: after a logout nobody is told of the changes of the session before. */
  clear(): void {
    for (const timer of [...this.soon.values(), ...this.later.values()]) clearTimeout(timer);
    this.soon.clear();
    this.later.clear();
  }
}
