import { type RecordedEvent } from '@ib/domain';
import { type Upcaster } from './event-store.port';

/**
 * An event as the SQL stores read it, in their EVENT_COLUMNS order: an array, so no object with nine
 * keys is built per row only to be read once.
 */
export type EventRow = readonly [
  globalPosition: number,
  eventId: string,
  streamId: string,
  streamVersion: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string,
];

/** Where an event id is stored (the answer to "is this append a retry?"). */
export type StoredEventRef = Readonly<{ stream_id: string; stream_version: number; global_position: number }>;

/**
 * The stored row as the event it records, its data upcast when its type has an upcaster. Numbers pass
 * through Number(): a driver may answer a BIGINT as text.
 */
export function recordedEventOf(
  row: EventRow,
  upcasters: Readonly<Record<string, Upcaster>> | undefined,
): RecordedEvent {
  const type = row[4];
  const schemaVersion = Number(row[5]);
  const stored = JSON.parse(row[6]) as Record<string, unknown>;
  const upcast = upcasters?.[type];
  return {
    eventId: row[1],
    type,
    schemaVersion,
    streamId: row[2],
    streamVersion: Number(row[3]),
    globalPosition: Number(row[0]),
    recordedAt: row[8],
    data: upcast ? upcast(stored, schemaVersion) : stored,
    metadata: JSON.parse(row[7]) as RecordedEvent['metadata'],
  };
}
