import { ConcurrencyError, ValidationError } from '@ib/domain';
import { type AppendResult, type ExpectedVersion, type NewEvent } from './event-store.port';
import { type StoredEventRef } from './stored-event';

/** An event as its row stores it; encoded before the write lock is taken. */
export type EncodedEvent = readonly [
  eventId: string,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
];
export type AppendOutcome =
  | { kind: 'appended'; result: AppendResult }
  | { kind: 'wrong_version'; current: number }
  | { kind: 'duplicate_event_id' };
export type Rejection = Exclude<AppendOutcome, { kind: 'appended' }>;

/** A retried append: every event already stored in this stream, consecutively and in the same order. */
export function asOriginalAppend(
  streamId: string,
  stored: readonly (StoredEventRef | undefined)[],
): AppendResult | undefined {
  const first = stored[0];
  const last = stored[stored.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const isRetry = stored.every(
    (ref, index) => ref?.stream_id === streamId && ref.stream_version === first.stream_version + index,
  );
  return isRetry
    ? { nextExpectedVersion: last.stream_version, lastPosition: last.global_position }
    : undefined;
}

export const encodeEvent = (event: NewEvent): EncodedEvent => [
  event.eventId,
  event.type,
  event.schemaVersion ?? 1,
  JSON.stringify(event.data),
  JSON.stringify(event.metadata),
];

export function throwRejection(
  streamId: string,
  expected: ExpectedVersion,
  rejection: Rejection,
  someAlreadyStored: boolean,
): never {
  if (rejection.kind === 'wrong_version') {
    throw new ConcurrencyError(
      'EVENT_STORE.WRONG_EXPECTED_VERSION',
      `Stream ${streamId} is at version ${rejection.current}, expected ${expected}`,
    );
  }
  if (someAlreadyStored) {
    throw new ConcurrencyError(
      'EVENT_STORE.DUPLICATE_EVENT_ID',
      `Some of these events are already stored, but not as this append to stream ${streamId}`,
    );
  }
  throw new ValidationError('EVENT_STORE.DUPLICATE_EVENT_ID', 'An append carries the same event id twice');
}
