import { Inject, Injectable } from '@nestjs/common';
import { type AnyEvent, type Decider, type EventMetadata } from '@ib/domain';
import { type Actor } from '../../auth/authenticated-user';
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

  async run<S, C, E extends AnyEvent>(
    streamId: string,
    decider: Decider<S, C, E>,
    command: C,
    options: RunOptions<S>,
  ): Promise<CommandOutcome<E>> {
    const { events, version } = await this.store.readStream<E>(streamId);
    if (options.ifMatch !== undefined && options.ifMatch !== version)
      throw HttpProblem.preconditionFailed(
        `The resource is at version ${version}, not ${options.ifMatch}; reload it and retry`,
      );
    const state = events.reduce(
      (current, recorded) => decider.evolve(current, { type: recorded.type, data: recorded.data } as E),
      decider.initialState(),
    );
    await options.authorize?.(state);
    const newEvents = decider.decide(command, state);
    if (newEvents.length === 0) return { events: [], version, position: 0 };
    const expectedVersion: ExpectedVersion = version < 0 ? 'no_stream' : version;
    const result = await this.store.append(
      streamId,
      newEvents.map((event) => this.toNewEvent(event, options)),
      { expectedVersion },
    );
    return { events: newEvents, version: result.nextExpectedVersion, position: result.lastPosition };
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
    };
    return { eventId: uuidv7(), type: event.type, data: event.data, metadata };
  }
}
