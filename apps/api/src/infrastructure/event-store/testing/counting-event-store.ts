import { type RecordedEvent } from '@ib/domain';
import { type EventStore } from '../event-store.port';

/** How many events were read, by the way they were read. */
export type EventsRead = { readAll: number; readStream: number; subscribe: number };

export const totalRead = ({ readAll, readStream, subscribe }: EventsRead): number =>
  readAll + readStream + subscribe;

/** Wraps a store to count every event the application reads from it, for benchmarks and specs. */
export function countingEventStore(store: EventStore): { store: EventStore; read: EventsRead } {
  const read: EventsRead = { readAll: 0, readStream: 0, subscribe: 0 };
  const counted: EventStore = {
    append: (...args) => store.append(...args),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
    readAll: async (options) => {
      const events = await store.readAll(options);
      read.readAll += events.length;
      return events;
    },
    readStream: async (streamId, options) => {
      const result = await store.readStream(streamId, options);
      read.readStream += result.events.length;
      return result as never;
    },
    subscribe: (options, handler) =>
      store.subscribe(options, (batch: readonly RecordedEvent[]) => {
        read.subscribe += batch.length;
        return handler(batch);
      }),
  };
  return { store: counted, read };
}
