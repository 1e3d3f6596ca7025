import { type HistoryStep } from './past-states';
import { type StateChange } from './state-diff';

export type HistoryActor = Readonly<{ id: string; username: string }>;

/** One event of an object, as `GET .../:id/history` answers it. */
export type HistoryEntry = Readonly<{
  version: number;
  type: string;
  recordedAt: string;
  actor: HistoryActor;
  changes: readonly StateChange[];
}>;

/** An object's whole history, oldest first. */
export type History = Readonly<{ items: HistoryEntry[]; total: number }>;

/** A username for each actor id asked (the id itself for an actor that is no user). */
export type ActorNamer = (actorIds: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/** The steps with their actors named, in one lookup for the whole history. */
export async function namedHistory(steps: readonly HistoryStep[], names: ActorNamer): Promise<History> {
  const named = await names([...new Set(steps.map(({ actorId }) => actorId))]);
  const actors = new Map<string, HistoryActor>();
  const actorOf = (id: string): HistoryActor => {
    let actor = actors.get(id);
    if (actor === undefined) actors.set(id, (actor = { id, username: named.get(id) ?? id }));
    return actor;
  };
  const items = steps.map(({ version, type, recordedAt, actorId, changes }) => ({
    version,
    type,
    recordedAt,
    actor: actorOf(actorId),
    changes,
  }));
  return { items, total: items.length };
}
