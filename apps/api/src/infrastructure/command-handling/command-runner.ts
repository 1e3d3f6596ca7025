import { Inject, Injectable } from '@nestjs/common';
import {
  type AnyEvent,
  type Command,
  ConcurrencyError,
  type Decider,
  type EventMetadata,
  type RecordedEvent,
  StaleVersionError,
} from '@ib/domain';
import { type Actor } from './actor';
import { CLOCK, type Clock } from '../clock';
import { EVENT_STORE, type EventStore, type ExpectedVersion } from '../event-store/event-store.port';
import { uuidv7 } from '../ids';

export type CommandOutcome<S = unknown, E extends AnyEvent = AnyEvent> = Readonly<{
  /** The state after the command, for the handler to answer from instead of reading the stream again. */
  state: S;
  events: readonly E[];
  /** Stream version after the command (unchanged when the command yielded no event). */
  version: number;
  /** Global position of the last event written; 0 when nothing was written. */
  position: number;
}>;

/**
 * A domain command as a handler builds it: the runner stamps who asks and when. `metadata.environment`
 * (where the command acts) goes into the metadata of the events it yields.
 */
export type Unstamped<C> = C extends Command
  ? Omit<C, 'metadata'> & { readonly metadata?: Readonly<{ environment?: string }> }
  : never;

/**
 * Builds the command from the state it is decided on. It is where a handler authorises: it may throw
 * (forbidden, not found) instead. It runs for a retried request too, so a caller who lost the right
 * meanwhile is refused rather than answered.
 */
export type CommandFactory<S, C> = (state: S) => Unstamped<C> | Promise<Unstamped<C>>;

export type RunOptions = Readonly<{
  actor: Actor;
  /** The stream version the caller saw (If-Match): any other is a StaleVersionError. */
  ifMatch?: number;
}>;

type Folding<S, E extends AnyEvent> = Pick<Decider<S, never, E>, 'initialState' | 'evolve'>;

/** The one command path: read the stream, fold, build the command, decide, append with the version read. */
@Injectable()
export class CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * With an Idempotency-Key, an earlier attempt of the same request may have appended already (and
   * crashed before answering): its outcome is answered instead of deciding again, which would fail or
   * do the work twice.
   */
  async run<S, C extends Command, E extends AnyEvent>(
    streamId: string,
    decider: Decider<S, C, E>,
    // The decider alone says what C is: inferred from the factory too, its literals would widen to string.
    factory: NoInfer<CommandFactory<S, C>>,
    options: RunOptions,
  ): Promise<CommandOutcome<S, E>> {
    const { events, version } = await this.store.readStream<E>(streamId);
    const state = fold(decider, events);
    const earlier = outcomeOf(events, options.actor, decider);
    if (earlier) {
      await factory(state);
      return earlier;
    }
    if (options.ifMatch !== undefined && options.ifMatch !== version)
      throw new StaleVersionError(options.ifMatch, version);
    const unstamped = await factory(state);
    const newEvents = decider.decide(this.stamp<C>(unstamped, options.actor), state);
    if (newEvents.length === 0) return { state, events: [], version, position: 0 };
    const expectedVersion: ExpectedVersion = version < 0 ? 'no_stream' : version;
    const environment = unstamped.metadata?.environment;
    try {
      const result = await this.store.append(
        streamId,
        newEvents.map((event) => toNewEvent(event, options.actor, environment)),
        { expectedVersion },
      );
      return {
        state: newEvents.reduce(decider.evolve, state),
        events: newEvents,
        version: result.nextExpectedVersion,
        position: result.lastPosition,
      };
    } catch (error) {
      // Two attempts of one request ran at once (a retry took over from a slow one): the first append stands.
      if (error instanceof ConcurrencyError && options.actor.idempotencyKey !== undefined) {
        const winner = await this.recorded(streamId, decider, options.actor);
        if (winner) return winner;
      }
      throw error;
    }
  }

  /**
   * The outcome an earlier attempt of the actor's idempotent request recorded in the stream, if any.
   * For handlers with effects outside the event store (a stored hash, a secret) that must not be
   * repeated when the command already ran.
   */
  async recorded<S, E extends AnyEvent>(
    streamId: string,
    decider: Folding<S, E>,
    actor: Actor,
  ): Promise<CommandOutcome<S, E> | undefined> {
    if (actor.idempotencyKey === undefined) return undefined;
    const { events } = await this.store.readStream<E>(streamId);
    return outcomeOf(events, actor, decider);
  }

  /** Folds a stream into its decider state: the source of truth, for checks that cannot wait for a view. */
  async load<S, E extends AnyEvent>(streamId: string, decider: Folding<S, E>) {
    const { events, version } = await this.store.readStream<E>(streamId);
    return { state: fold(decider, events), version };
  }

  /** The one place a command gets its actor and time: deciders read both from it. */
  private stamp<C extends Command>(unstamped: Unstamped<C>, actor: Actor): C {
    const { environment } = unstamped.metadata ?? {};
    return {
      ...unstamped,
      metadata: {
        actorId: actor.userId,
        now: this.clock.now(),
        ...(environment === undefined ? {} : { environment }),
      },
    } as unknown as C;
  }
}

const fold = <S, E extends AnyEvent>(decider: Folding<S, E>, events: readonly RecordedEvent<E>[]): S =>
  events.reduce(
    (current, { type, data }) => decider.evolve(current, { type, data } as E),
    decider.initialState(),
  );

function toNewEvent(event: AnyEvent, actor: Actor, environment: string | undefined) {
  const metadata: EventMetadata = {
    actorId: actor.userId,
    correlationId: actor.correlationId,
    causationId: actor.causationId,
    ...(environment ? { environment } : {}),
    ...(actor.idempotencyKey !== undefined ? { idempotencyKey: actor.idempotencyKey } : {}),
  };
  return { eventId: uuidv7(), type: event.type, data: event.data, metadata };
}

/**
 * The events one attempt of the actor's request appended, as that attempt answered them, and the state
 * they left. The caller and key alone are not enough: a key reused after it expired is a new request,
 * with another causation.
 */
function outcomeOf<S, E extends AnyEvent>(
  events: readonly RecordedEvent<E>[],
  actor: Actor,
  decider: Folding<S, E>,
): CommandOutcome<S, E> | undefined {
  if (actor.idempotencyKey === undefined) return undefined;
  const mine = events.filter(
    ({ metadata }) =>
      metadata.idempotencyKey === actor.idempotencyKey &&
      metadata.actorId === actor.userId &&
      metadata.causationId === actor.causationId,
  );
  const last = mine.at(-1);
  if (!last) return undefined;
  return {
    state: fold(
      decider,
      events.filter(({ streamVersion }) => streamVersion <= last.streamVersion),
    ),
    events: mine.map(({ type, data }) => ({ type, data }) as E),
    version: last.streamVersion,
    position: last.globalPosition,
  };
}
