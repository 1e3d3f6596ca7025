import {
  apiKeyStreamId,
  ConcurrencyError,
  connectionRequestStreamId,
  connectionStreamId,
  dependencyStreamId,
  environmentStreamId,
  type EventMetadata,
  integrationDeploymentsStreamId,
  integrationPublicationsStreamId,
  integrationStreamId,
  publicationStreamId,
  type RecordedEvent,
  republishStreamId,
  userStreamId,
} from '@ib/domain';
import { type AppendResult, type ExpectedVersion, type NewEvent } from '../event-store.port';
import { EventStoreUnavailableError } from '../event-store-unavailable.error';

/**
 * The stream id prefixes of our aggregates, taken from the domain's own stream id functions so that a
 * new aggregate cannot be forgotten here by a typo. `$all` reads and subscriptions see only these
 * streams: no system streams (`$...`), no other application's streams in the same database.
 */
export const KURRENT_STREAM_PREFIXES: readonly string[] = [
  apiKeyStreamId,
  connectionRequestStreamId,
  connectionStreamId,
  dependencyStreamId,
  environmentStreamId,
  integrationDeploymentsStreamId,
  integrationPublicationsStreamId,
  integrationStreamId,
  publicationStreamId,
  republishStreamId,
  userStreamId,
].map((streamId) => streamId(''));

/** Kept in the stored metadata beside ours, removed when read back. `$`-keys are the server's, so not that. */
export const SCHEMA_VERSION_KEY = 'ib.schemaVersion';

/** The client's stream states, as plain values (the client's constants are the same strings). */
export type KurrentStreamState = 'no_stream' | 'any' | 'stream_exists' | bigint;

/** Our versions and KurrentDB revisions both start at 0 for the first event and use -1 for "no stream". */
export function toStreamState(expected: ExpectedVersion): KurrentStreamState {
  switch (expected) {
    case 'no_stream':
      return 'no_stream';
    case 'any':
      return 'any';
    case 'stream_exists':
      return 'stream_exists';
    default:
      return expected === -1 ? 'no_stream' : BigInt(expected);
  }
}

export type KurrentEventData = {
  id: string;
  contentType: 'application/json';
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
};

export const toEventData = (event: NewEvent): KurrentEventData => ({
  id: event.eventId,
  contentType: 'application/json',
  type: event.type,
  data: event.data as Record<string, unknown>,
  metadata: { ...event.metadata, [SCHEMA_VERSION_KEY]: event.schemaVersion ?? 1 },
});

export type KurrentPosition = { commit: bigint; prepare: bigint };

/** The fields of a recorded event that the adapter reads (the client's RecordedEvent has them). */
export type KurrentRecordedEvent = {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  data: unknown;
  metadata: unknown;
  position?: KurrentPosition;
};

/**
 * An event's global position is its position in the transaction log, as a JS number.
 *
 * Why one number is enough: since EventStoreDB 20.6 an append (gRPC) writes each event as a prepare
 * record of its own, flagged IsCommitted, with no separate commit record, and `$all` reports such an
 * event at (commit, prepare) = (its own log position, its own log position). So the events of one
 * multi-event append do NOT share a commit position; positions are unique and strictly increasing in
 * `$all` order, with gaps (they are byte offsets). Only the legacy explicit transactions of the TCP API
 * (StartTransaction / Commit, gone with that API) put one commit record after their prepares and give
 * every event of the transaction that record's commit position. No stream of ours is written that
 * way, and neither the commit nor the prepare position alone would be ordered for such events, so
 * they are refused here rather than given a position that could repeat or go backwards.
 * Sources: kurrent-io/KurrentDB src/KurrentDB.Core/Services/Storage/StorageWriterService.cs
 * (WritePrepares) and src/KurrentDB.Core/Services/Storage/ReaderIndex/AllReader.cs.
 */
export function toGlobalPosition(position: KurrentPosition | undefined): number {
  if (position === undefined) {
    throw new Error('KurrentDB returned an event without a log position (the server must be 22.6 or later)');
  }
  if (position.commit !== position.prepare) {
    throw new Error(
      `KurrentDB event at commit ${position.commit} / prepare ${position.prepare} was written by an explicit transaction; its position is not a unique global position`,
    );
  }
  if (position.commit < 0n || position.commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`KurrentDB log position ${position.commit} is not a usable global position`);
  }
  return Number(position.commit);
}

/** Where a forward `$all` read resumes: the event at that position itself (reads are inclusive). */
export const toReadPosition = (globalPosition: number): 'start' | KurrentPosition =>
  globalPosition <= 0 ? 'start' : { commit: BigInt(globalPosition), prepare: BigInt(globalPosition) };

export function toRecordedEvent(event: KurrentRecordedEvent): RecordedEvent {
  const { [SCHEMA_VERSION_KEY]: schemaVersion, ...metadata } = asObject(event.metadata);
  return {
    eventId: event.id,
    type: event.type,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    streamId: event.streamId,
    streamVersion: Number(event.revision),
    globalPosition: toGlobalPosition(event.position),
    recordedAt: event.created.toISOString(),
    data: asObject(event.data),
    metadata: metadata as EventMetadata,
  };
}

const asObject = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** Only events of exactly these types; .NET and JS regular expressions agree on this subset. */
export const exactTypesRegex = (types: readonly string[]): string =>
  `^(?:${types.map((type) => type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;

export const isOurStream = (streamId: string, prefixes: readonly string[]): boolean =>
  prefixes.some((prefix) => streamId.startsWith(prefix));

/** Where an event id already sits in the stream the append goes to. */
export type StoredEventRef = Readonly<{ revision: number; position: number }>;

/**
 * A retried append: every event already stored in this stream, consecutively and in the same order.
 * Its answer is the original one, whatever version the retry expected.
 */
export function asOriginalAppend(
  events: readonly NewEvent[],
  stored: ReadonlyMap<string, StoredEventRef>,
): AppendResult | undefined {
  const refs = events.map((event) => stored.get(event.eventId));
  const first = refs[0];
  const last = refs[refs.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const consecutive = refs.every((ref, index) => ref?.revision === first.revision + index);
  return consecutive ? { nextExpectedVersion: last.revision, lastPosition: last.position } : undefined;
}

/** The rejection of an append that is not a retry: some ids stored elsewhere, or a stale version. */
export function rejectAppend(
  streamId: string,
  expected: ExpectedVersion,
  current: number | undefined,
  someAlreadyStored: boolean,
): never {
  if (someAlreadyStored) {
    throw new ConcurrencyError(
      'EVENT_STORE.DUPLICATE_EVENT_ID',
      `Some of these events are already stored, but not as this append to stream ${streamId}`,
    );
  }
  throw new ConcurrencyError(
    'EVENT_STORE.WRONG_EXPECTED_VERSION',
    `Stream ${streamId} is at version ${current ?? 'unknown'}, expected ${expected}`,
  );
}

const errorProperty = (error: unknown, key: 'type' | 'code'): unknown =>
  typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;

export const isWrongExpectedVersion = (error: unknown): boolean =>
  errorProperty(error, 'type') === 'wrong-expected-version';

export const isStreamNotFound = (error: unknown): boolean =>
  errorProperty(error, 'type') === 'stream-not-found';

/** The client's error types that mean "the server cannot answer now": retry later. */
const UNAVAILABLE_TYPES = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'not-leader']);
/** gRPC status codes that the append path throws raw (not converted): DEADLINE_EXCEEDED, UNAVAILABLE. */
const UNAVAILABLE_GRPC_CODES = new Map([
  [4, 'deadline-exceeded'],
  [14, 'unavailable'],
]);

/**
 * The unavailable error for a connection fault, or undefined for anything else. The message names only
 * the fault's kind: the client's own messages may carry addresses or the connection string.
 */
export function toUnavailableError(error: unknown, action: string): EventStoreUnavailableError | undefined {
  if (error instanceof EventStoreUnavailableError) return error;
  const type = errorProperty(error, 'type');
  const code = errorProperty(error, 'code');
  const fault =
    typeof type === 'string' && UNAVAILABLE_TYPES.has(type)
      ? type
      : typeof code === 'number'
        ? UNAVAILABLE_GRPC_CODES.get(code)
        : undefined;
  if (fault === undefined) return undefined;
  return new EventStoreUnavailableError(`Event store cannot ${action} (KurrentDB ${fault})`);
}
