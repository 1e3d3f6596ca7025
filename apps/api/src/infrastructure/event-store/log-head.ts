import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from './event-store.port';

/**
 * The log's head position as a request needs it: read after the request began, so that every write
 * answered before then (in this process or another one sharing the store) is at or below it. Callers
 * that ask before the next read starts share it: the read waits for the end of the event loop's
 * current turn, so the requests that arrived together cost one head read between them.
 */
@Injectable()
export class LogHead {
  private next?: Promise<number>;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  read(): Promise<number> {
    this.next ??= new Promise<void>((turnEnded) => setImmediate(turnEnded)).then(() => {
      // From here on a caller was not yet waiting when this read began: it gets the next one.
      this.next = undefined;
      return this.store.headPosition();
    });
    return this.next;
  }
}
