import { type AnyEvent, type Command, type Decider, fold } from '@ib/domain';
import { type Step } from './sample-step';

/** A command as a caller gives it: the log stamps who and when. */
export type Unstamped<C> = C extends Command ? Omit<C, 'metadata'> : never;
type Folding<S, E extends AnyEvent> = Pick<Decider<S, never, E>, 'initialState' | 'evolve'>;

/**
 * The history as streams, so each new command is decided on the state its stream reached, by its
 * aggregate's decider, as a command handler does: what it appends follows the rules of the domain.
 */
export class SampleLog {
  private readonly streams = new Map<string, AnyEvent[]>();
  /** The state each stream was last folded to: a check reads every integration's streams again. */
  private readonly folded = new Map<string, Readonly<{ decider: unknown; state: unknown }>>();

  constructor(
    history: readonly Step[],
    private readonly at: () => string,
  ) {
    for (const { streamId, event } of history) this.eventsOf(streamId).push(event);
  }

  stateOf<S, E extends AnyEvent>(decider: Folding<S, E>, streamId: string): S {
    const known = this.folded.get(streamId);
    if (known?.decider === decider) return known.state as S;
    const state = fold(decider, (this.streams.get(streamId) ?? []) as E[]);
    this.folded.set(streamId, { decider, state });
    return state;
  }

  /** The stream's version, as an If-Match names it. */
  versionOf(streamId: string): number {
    return this.streams.get(streamId)?.length ?? 0;
  }

  /** Throws the decider's error, appending nothing, when the command is refused. */
  run<S, C extends Command, E extends AnyEvent>(
    decider: Decider<S, C, E>,
    streamId: string,
    command: Unstamped<C>,
    actorId: string,
    environment: string,
  ): Step[] {
    const stamped = {
      ...command,
      metadata: { actorId, now: new Date(this.at()), environment },
    } as unknown as C;
    const events = decider.decide(stamped, this.stateOf(decider, streamId));
    this.eventsOf(streamId).push(...events);
    this.folded.delete(streamId);
    return events.map((event) => ({ streamId, event, actorId, environment }));
  }

  private eventsOf(streamId: string): AnyEvent[] {
    const known = this.streams.get(streamId);
    if (known !== undefined) return known;
    const events: AnyEvent[] = [];
    this.streams.set(streamId, events);
    return events;
  }
}
