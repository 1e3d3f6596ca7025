import { type RecordedEvent } from '@ib/domain';

/**
 * The events this process appended last, with contiguous global positions. Subscribers in the same
 * process read what was just appended from here instead of from the file. A gap (another process or
 * connection appended in between) empties it, so whatever it answers is exactly what the log holds
 * after that position; anything it cannot answer is read from the file. Callers treat events as
 * read-only: the same objects may go to several subscribers.
 */
export class RecentEvents {
  private events: RecordedEvent[] = [];

  constructor(private readonly capacity = 4096) {}

  add(appended: readonly RecordedEvent[]): void {
    if (appended.length === 0) return;
    const last = this.events.at(-1);
    if (last !== undefined && appended[0].globalPosition !== last.globalPosition + 1) this.events = [];
    this.events.push(...appended);
    if (this.events.length > this.capacity)
      this.events = this.events.slice(this.events.length - this.capacity);
  }

  /** The events after `position`, or undefined when they are not all here. */
  after(position: number, limit: number): RecordedEvent[] | undefined {
    const first = this.events[0];
    const last = this.events.at(-1);
    if (first === undefined || last === undefined) return undefined;
    if (position < first.globalPosition - 1 || position >= last.globalPosition) return undefined;
    const start = position - first.globalPosition + 1;
    return this.events.slice(start, start + limit);
  }

  clear(): void {
    this.events = [];
  }
}
