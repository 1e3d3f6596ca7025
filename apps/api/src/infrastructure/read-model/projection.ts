import { type AnyEvent, type RecordedEvent } from '@ib/domain';

/** A recorded event narrowed by its `type`, so a switch on `type` narrows `data` as well. */
export type RecordedOf<E extends AnyEvent> = E extends AnyEvent ? RecordedEvent<E> : never;

/**
 * A read-model view as a pure fold: `evolve` turns the current document (undefined when absent)
 * and one event into the next document (undefined deletes it). No I/O, no clock: the same events
 * always give the same documents, which is what makes a rebuild come out identical.
 */
export type Projection<Document extends object = object> = Readonly<{
  /** Stable name: the checkpoint key and the view's name. */
  name: string;
  /** Event types this projection reads; every other event only moves its checkpoint. */
  handles: readonly string[];
  /** The id of the document an event (of a handled type) changes. */
  idOf(event: RecordedEvent): string;
  // Method syntax on purpose: it lets projections of different documents share one list.
  evolve(document: Document | undefined, event: RecordedEvent): Document | undefined;
}>;

export type DocumentOf<P> = P extends Projection<infer Document> ? Document : never;

/** Narrows a recorded event to one of the given event types. */
export const isOneOf = <E extends AnyEvent>(types: readonly E['type'][]) => {
  const known = new Set<string>(types);
  return (event: RecordedEvent): event is RecordedOf<E> => known.has(event.type);
};

/** Drops keys whose value is undefined, so optional view fields are absent rather than undefined. */
export const withoutUndefined = <T extends object>(value: T): T => {
  const defined: Record<string, unknown> = {};
  // A for-in loop rather than Object.entries: no pair array per field, on the path of every event.
  for (const key in value) if (value[key] !== undefined) defined[key] = value[key];
  return defined as T;
};

/** Folds events into documents by id, in memory: the reference result of any stored projection. */
export const projectAll = <Document extends object>(
  projection: Projection<Document>,
  events: Iterable<RecordedEvent>,
): Map<string, Document> => {
  const handled = new Set(projection.handles);
  const documents = new Map<string, Document>();
  for (const event of events) {
    if (!handled.has(event.type)) continue;
    const id = projection.idOf(event);
    const next = projection.evolve(documents.get(id), event);
    if (next === undefined) documents.delete(id);
    else documents.set(id, next);
  }
  return documents;
};
