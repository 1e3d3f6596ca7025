/**
 * The value of every message of the event feed: one stored event, field for field. The API writes it
 * (apps/api/src/infrastructure/event-feed/feed-message.ts); this lib is the reading side and keeps its
 * own copy of the shape, so an integrator's consumer depends on no part of the API.
 */
export type FeedEvent = Readonly<{
  /** Unique per event and the same in every redelivery: the key to drop duplicates by. */
  eventId: string;
  /** The stored event name, e.g. `IntegrationCreated`. */
  type: string;
  schemaVersion: number;
  /** The message key too: one stream's events share a partition, so they arrive in order. */
  streamId: string;
  /** 0 for a stream's first event, then one more for each next event of that stream. */
  streamVersion: number;
  /** The event's position in the whole log; it increases in log order across all streams. */
  globalPosition: number;
  /** ISO 8601. */
  recordedAt: string;
  data: unknown;
  /** Who caused the event and why (`actorId`, `correlationId`, `causationId`, ...). */
  metadata: unknown;
}>;

/** A message value that is not a feed event; `reason` says which part is wrong. */
export class MalformedFeedEventError extends Error {
  constructor(readonly reason: string) {
    super(`not a feed event: ${reason}`);
    this.name = new.target.name;
  }
}

/** Parses and checks one message value; throws MalformedFeedEventError when it is not a feed event. */
export function parseFeedEvent(value: Buffer | string | null | undefined): FeedEvent {
  if (value === null || value === undefined) throw new MalformedFeedEventError('the message has no value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString());
  } catch {
    throw new MalformedFeedEventError('the value is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new MalformedFeedEventError('the value is not a JSON object');
  const fields = parsed as Record<string, unknown>;
  return {
    eventId: text(fields, 'eventId'),
    type: text(fields, 'type'),
    schemaVersion: count(fields, 'schemaVersion'),
    streamId: text(fields, 'streamId'),
    streamVersion: count(fields, 'streamVersion'),
    globalPosition: count(fields, 'globalPosition'),
    recordedAt: instant(fields, 'recordedAt'),
    data: present(fields, 'data'),
    metadata: present(fields, 'metadata'),
  };
}

/** The actor who caused the event, when its metadata names one. */
export function actorOf(event: FeedEvent): string | undefined {
  const { metadata } = event;
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const actorId = (metadata as Record<string, unknown>).actorId;
  return typeof actorId === 'string' && actorId !== '' ? actorId : undefined;
}

function text(fields: Record<string, unknown>, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string' || value === '')
    throw new MalformedFeedEventError(`${name} must be a non-empty string`);
  return value;
}

function count(fields: Record<string, unknown>, name: string): number {
  const value = fields[name];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new MalformedFeedEventError(`${name} must be a whole number from 0`);
  return value;
}

function instant(fields: Record<string, unknown>, name: string): string {
  const value = text(fields, name);
  if (Number.isNaN(Date.parse(value))) throw new MalformedFeedEventError(`${name} must be an ISO 8601 time`);
  return value;
}

function present(fields: Record<string, unknown>, name: string): unknown {
  if (!(name in fields)) throw new MalformedFeedEventError(`${name} is missing`);
  return fields[name];
}
