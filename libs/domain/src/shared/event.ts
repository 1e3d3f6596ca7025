/** An event as the domain produces it: a past-tense fact with a stable stored `type` name. */
export type Event<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

export type AnyEvent = Event<string, object>;

/** Who asked for a change and why: travels with every stored event. */
export type EventMetadata = Readonly<{
  actorId: string;
  correlationId: string;
  causationId: string;
  environment?: string;
  /** The Idempotency-Key of the request that caused the event, so a retry can find what it did. */
  idempotencyKey?: string;
}>;

/** An event once stored: positions and metadata are given by the event store. */
export type RecordedEvent<E extends AnyEvent = AnyEvent> = Readonly<{
  eventId: string;
  type: E['type'];
  schemaVersion: number;
  streamId: string;
  streamVersion: number;
  globalPosition: number;
  recordedAt: string;
  data: E['data'];
  metadata: EventMetadata;
}>;
