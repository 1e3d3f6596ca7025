import { type AnyEvent, type RecordedEvent } from '@ib/domain';
import { projectAll, type Projection } from '../projection';

export type ProjectionThen<Document> = Readonly<{
  /** The documents by id after every event; each must also survive a JSON round trip unchanged. */
  then: (expected: Readonly<Record<string, Document>>) => void;
}>;

/**
 * Given (past events) / when (a new event) / then (documents by id) for projections. Like
 * DeciderSpecification it asserts with jest's global `expect`, looked up only when a spec runs.
 */
export const ProjectionSpecification = {
  for:
    <Document extends object>(projection: Projection<Document>) =>
    (given: readonly RecordedEvent[]) => ({
      when: (...events: readonly RecordedEvent[]): ProjectionThen<Document> => ({
        then: (expected) => {
          const documents = Object.fromEntries(projectAll(projection, [...given, ...events]));
          expect(documents).toStrictEqual(expected);
          expect(JSON.parse(JSON.stringify(documents))).toStrictEqual(documents);
        },
      }),
    }),
};

/**
 * Records events the way the event store would: stream versions from 0 per stream, global positions
 * from 1, and metadata naming the actor.
 */
export function eventRecorder(actorId = 'alice', recordedAt = '2025-03-04T05:06:07.000Z') {
  let position = 0;
  const versions = new Map<string, number>();
  return <E extends AnyEvent>(streamId: string, event: E): RecordedEvent<E> => {
    const streamVersion = (versions.get(streamId) ?? -1) + 1;
    versions.set(streamId, streamVersion);
    position += 1;
    return {
      eventId: `event-${position}`,
      type: event.type,
      schemaVersion: 1,
      streamId,
      streamVersion,
      globalPosition: position,
      recordedAt,
      data: event.data,
      metadata: { actorId, correlationId: `correlation-${position}`, causationId: `causation-${position}` },
    };
  };
}
