import { type RecordedEvent } from '@ib/domain';
import { type EventRow } from './stored-event';

/**
 * The events this process appended last, with contiguous global positions. Subscribers in the same
 * process read what was just appended from here instead of from the file. A gap (another process or
 * connection appended in between) empties it, so whatever it answers is exactly what the log holds
 * after that position; anything it cannot answer is read from the file.
 *
 * Rows are kept as written and decoded on their first read, so an append pays nothing for readers
 * that never come. Callers treat events as read-only: the same objects may go to several subscribers.
 */
export class RecentEvents {
  /** A ring: the oldest row sits at `start`; `count` rows follow it, positions `first`, `first + 1`, ... */
  private readonly rows: (EventRow | undefined)[];
  private readonly decoded: (RecordedEvent | undefined)[];
  private start = 0;
  private count = 0;
  private first = 0;

  constructor(
    private readonly decode: (row: EventRow) => RecordedEvent,
    private readonly capacity = 4096,
  ) {
    this.rows = new Array<EventRow | undefined>(capacity);
    this.decoded = new Array<RecordedEvent | undefined>(capacity);
  }

  add(appended: readonly EventRow[]): void {
    if (appended.length === 0) return;
    const [[firstPosition]] = appended;
    if (this.count > 0 && firstPosition !== this.first + this.count) this.clear();
    if (this.count === 0) this.first = firstPosition;
    for (const row of appended) {
      const slot = (this.start + this.count) % this.capacity;
      this.rows[slot] = row;
      this.decoded[slot] = undefined;
      if (this.count < this.capacity) {
        this.count++;
      } else {
        // Full: the row just written took the oldest one's slot.
        this.start = (this.start + 1) % this.capacity;
        this.first++;
      }
    }
  }

  /** The events after `position`, or undefined when they are not all here. */
  after(position: number, limit: number): RecordedEvent[] | undefined {
    const last = this.first + this.count - 1;
    if (this.count === 0 || position < this.first - 1 || position >= last) return undefined;
    const offset = position + 1 - this.first;
    const events = new Array<RecordedEvent>(Math.max(0, Math.min(limit, this.count - offset)));
    for (let index = 0; index < events.length; index++) {
      const slot = (this.start + offset + index) % this.capacity;
      events[index] = this.decoded[slot] ??= this.decode(this.rows[slot]!);
    }
    return events;
  }

  clear(): void {
    this.rows.fill(undefined);
    this.decoded.fill(undefined);
    this.start = 0;
    this.count = 0;
  }
}
