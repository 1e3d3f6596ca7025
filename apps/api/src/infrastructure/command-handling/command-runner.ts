import { Inject, Injectable } from '@nestjs/common';
import {
  type AnyEvent,
  ConcurrencyError,
  type Decider,
  type EventMetadata,
  type RecordedEvent,
} from '@ib/domain';
import { type Actor } from './actor';
import { EVENT_STORE, type EventStore, type ExpectedVersion } from '../event-store/event-store.port';
import { HttpProblem } from '../http/http-problem';
import { uuidv7 } from '../ids';

export type CommandOutcome<E extends AnyEvent = AnyEvent> = Readonly<{
  events: readonly E[];
  /** Stream version after the command (unchanged when the command yielded no event). */
  version: number;
  /** Global position of the last event written; 0 when nothing was written. */
  position: number;
}>;

export type RunOptions<S = unknown> = Readonly<{
  actor: Actor;
  environment?: string;
  ifMatch?: number;
  /** Checks the caller's rights on the current state before deciding (one read of the stream). */
  authorize?: (state: S) => Promise<void> | void;
}>;

/** The one command path: read the stream, fold, decide, append with the version that was read. */
@Injectable()
export class CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * With an Idempotency-Key, an earlier attempt of the same request may have appended already (and
   * crashed before answering): its outcome is answered instead of deciding again, which would fail or
   * do the work twice.
   */
  async run<S, C, E extends AnyEvent>(
    streamId: string,
    decider: Decider<S, C, E>,
    command: C,
    options: RunOptions<S>,
  ): Promise<CommandOutcome<E>> {
    const { events, version } = await this.store.readStream<E>(streamId);
    const state = events.reduce(
      (current, recorded) => decider.evolve(current, { type: recorded.type, data: recorded.data } as E),
      decider.initialState(),
    );
    const earlier = outcomeOf(events, options.actor);
    if (earlier) {
      await options.authorize?.(state);
      return earlier;
    }
    if (options.ifMatch !== undefined && options.ifMatch !== version)
      throw HttpProblem.preconditionFailed(
        `The resource is at version ${version}, not ${options.ifMatch}; reload it and retry`,
      );
    await options.authorize?.(state);
    const newEvents = decider.decide(command, state);
    if (newEvents.length === 0) return { events: [], version, position: 0 };
    const expectedVersion: ExpectedVersion = version < 0 ? 'no_stream' : version;
    try {
      const result = await this.store.append(
        streamId,
        newEvents.map((event) => this.toNewEvent(event, options)),
        { expectedVersion },
      );
      return { events: newEvents, version: result.nextExpectedVersion, position: result.lastPosition };
    } catch (error) {
      // Two attempts of one request ran at once (a retry took over from a slow one): the first append stands.
      if (error instanceof ConcurrencyError && options.actor.idempotencyKey !== undefined) {
        const winner = await this.recorded<E>(streamId, options.actor);
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
  async recorded<E extends AnyEvent = AnyEvent>(
    streamId: string,
    actor: Actor,
  ): Promise<CommandOutcome<E> | undefined> {
    if (actor.idempotencyKey === undefined) return undefined;
    const { events } = await this.store.readStream<E>(streamId);
    return outcomeOf(events, actor);
  }

  /** Folds a stream into its decider state, for handlers that must check another aggregate first. */
  async load<S, E extends AnyEvent>(
    streamId: string,
    decider: Pick<Decider<S, never, E>, 'initialState' | 'evolve'>,
  ) {
    const { events, version } = await this.store.readStream<E>(streamId);
    const state = events.reduce(
      (current, recorded) => decider.evolve(current, { type: recorded.type, data: recorded.data } as E),
      decider.initialState(),
    );
    return { state, version };
  }

  private toNewEvent(event: AnyEvent, { actor, environment }: RunOptions<never>) {
    const metadata: EventMetadata = {
      actorId: actor.userId,
      correlationId: actor.correlationId,
      causationId: actor.causationId,
      ...(environment ? { environment } : {}),
      ...(actor.idempotencyKey !== undefined ? { idempotencyKey: actor.idempotencyKey } : {}),
    };
    return { eventId: uuidv7(), type: event.type, data: event.data, metadata };
  }
}

/**
 * The events one attempt of the actor's request appended, as that attempt answered them. The caller and
 * key alone are not enough: a key reused after it expired is a new request, with another causation.
 */
function outcomeOf<E extends AnyEvent>(
  events: readonly RecordedEvent<E>[],
  actor: Actor,
): CommandOutcome<E> | undefined {
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
    events: mine.map(({ type, data }) => ({ type, data }) as E),
    version: last.streamVersion,
    position: last.globalPosition,
  };
}
