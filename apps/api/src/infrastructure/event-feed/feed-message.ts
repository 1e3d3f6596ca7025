import { type RecordedEvent } from '@ib/domain';
import { type FeedMessage } from './event-feed.port';

/** The value of every feed message: the stored event, field for field (it never holds a secret). */
export type FeedEvent = Readonly<{
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  streamVersion: number;
  globalPosition: number;
  recordedAt: string;
  data: unknown;
  metadata: unknown;
}>;

/** A stored event as a message: keyed by its stream, its id and type also in headers. */
export function toFeedMessage(event: RecordedEvent): FeedMessage {
  const value: FeedEvent = {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    globalPosition: event.globalPosition,
    recordedAt: event.recordedAt,
    data: event.data,
    metadata: event.metadata,
  };
  return {
    key: event.streamId,
    value: JSON.stringify(value),
    headers: { 'event-id': event.eventId, 'event-type': event.type, 'content-type': 'application/json' },
  };
}
