/**
 * How many event ids a filter remembers by default. The relay re-sends at most its last batch (500
 * events) after a failure, and a redelivered event comes back on the same partition as its first copy,
 * so on one partition a duplicate follows its original within a few hundred distinct events. Twenty
 * times that costs about a megabyte and leaves room for a relay configured with bigger batches.
 */
export const DEFAULT_REMEMBERED_EVENT_IDS = 10_000;

/**
 * Recognises event ids seen recently, in bounded memory: it remembers the last `capacity` distinct ids
 * and forgets the oldest first. An id is remembered only once its event was handled (`remember`), so an
 * event whose handling failed is not mistaken for a duplicate when it comes again.
 */
export class DuplicateFilter {
  private readonly seen = new Set<string>();
  /** The remembered ids in the order they came, as a ring: `next` is where the oldest one sits. */
  private readonly ring: string[] = [];
  private next = 0;

  constructor(readonly capacity: number = DEFAULT_REMEMBERED_EVENT_IDS) {
    if (!Number.isSafeInteger(capacity) || capacity < 1)
      throw new RangeError(`A duplicate filter remembers at least 1 event id, got ${capacity}`);
  }

  /** How many ids it remembers now (at most `capacity`). */
  get size(): number {
    return this.seen.size;
  }

  isDuplicate(eventId: string): boolean {
    return this.seen.has(eventId);
  }

  remember(eventId: string): void {
    if (this.seen.has(eventId)) return;
    if (this.ring.length < this.capacity) {
      this.ring.push(eventId);
    } else {
      this.seen.delete(this.ring[this.next]);
      this.ring[this.next] = eventId;
      this.next = (this.next + 1) % this.capacity;
    }
    this.seen.add(eventId);
  }
}
