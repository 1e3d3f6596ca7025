import { type RecordedEvent } from '@ib/domain';
import { type EventStore } from '../event-store/event-store.port';

/** Events of several streams as one list in log order (global positions order every store's events). */
export const inLogOrder = (...streams: readonly (readonly RecordedEvent[])[]): readonly RecordedEvent[] => {
  const nonEmpty = streams.filter((events) => events.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  return nonEmpty.flat().sort((a, b) => a.globalPosition - b.globalPosition);
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
