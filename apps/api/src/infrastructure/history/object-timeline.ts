import { type RecordedEvent } from '@ib/domain';
import { type EventStore } from '../event-store/event-store.port';

const byPosition = (a: RecordedEvent, b: RecordedEvent) => a.globalPosition - b.globalPosition;

/**
 * Events of several streams, each in its own order, as one list in log order (global positions order
 * every store's events). An object's own stream is usually far longer than the others (an
 * integration's publications): those are sorted together, then merged with it in one pass.
 */
export const inLogOrder = (...streams: readonly (readonly RecordedEvent[])[]): readonly RecordedEvent[] => {
  const nonEmpty = streams.filter((events) => events.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  const longest = nonEmpty.reduce((a, b) => (b.length > a.length ? b : a));
  const others = nonEmpty
    .filter((events) => events !== longest)
    .flat()
    .sort(byPosition);
  const merged: RecordedEvent[] = [];
  let next = 0;
  for (const event of longest) {
    while (next < others.length && others[next].globalPosition < event.globalPosition)
      merged.push(others[next++]);
    merged.push(event);
  }
  while (next < others.length) merged.push(others[next++]);
  return merged;
};

/**
 * Every event of the streams that make up one object (its own, and those its view also reads), in
 * log order: read from the event store, the source of truth, never from the read model.
 */
export async function readTimeline(
  store: EventStore,
  streamIds: readonly string[],
): Promise<readonly RecordedEvent[]> {
  const streams = await Promise.all(streamIds.map((streamId) => store.readStream(streamId)));
  return inLogOrder(...streams.map(({ events }) => events));
}
