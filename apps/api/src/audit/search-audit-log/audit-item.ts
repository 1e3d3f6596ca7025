import { type RecordedEvent } from '@ib/domain';

/** One event as the audit search and export answer it. Events hold no secret (only references), nor does this. */
export type AuditItem = Readonly<{
  position: number;
  eventId: string;
  type: string;
  streamId: string;
  streamVersion: number;
  recordedAt: string;
  actor: Readonly<{ id: string; username: string }>;
  environment: string | null;
  correlationId: string;
  causationId: string;
  data: object;
}>;

/** Usernames of user ids; ids it leaves out are no user's (see RequestActorNames). */
export type UsernameLookup = (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/**
 * The usernames of a request's actors, each looked up once however many events name them. An actor
 * that is no user (`system`, or a user the users view does not hold yet) keeps its id as its name.
 */
export class RequestActorNames {
  private readonly known = new Map<string, string>();

  constructor(private readonly lookup: UsernameLookup) {}

  async learn(events: readonly RecordedEvent[]): Promise<void> {
    const unknown = [...new Set(events.map((event) => event.metadata.actorId))].filter(
      (id) => !this.known.has(id),
    );
    if (unknown.length === 0) return;
    const found = await this.lookup(unknown);
    for (const id of unknown) this.known.set(id, found.get(id) ?? id);
  }

  /** After `learn` saw an event of `id`. */
  nameOf(id: string): string {
    return this.known.get(id) ?? id;
  }
}

export const toAuditItem = (event: RecordedEvent, names: RequestActorNames): AuditItem => ({
  position: event.globalPosition,
  eventId: event.eventId,
  type: event.type,
  streamId: event.streamId,
  streamVersion: event.streamVersion,
  recordedAt: event.recordedAt,
  actor: { id: event.metadata.actorId, username: names.nameOf(event.metadata.actorId) },
  environment: event.metadata.environment ?? null,
  correlationId: event.metadata.correlationId,
  causationId: event.metadata.causationId,
  data: event.data,
});
