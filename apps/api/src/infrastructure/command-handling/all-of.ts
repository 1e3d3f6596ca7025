import { type AnyEvent, type Command, type Decider } from '@ib/domain';

/** Several commands of one aggregate, as one request asks them: stamped once, decided in order. */
export type AllOf<C extends Command> = Command<'AllOf', { commands: readonly Omit<C, 'metadata'>[] }>;

/**
 * `decider` deciding each command of an AllOf on the state the ones before it left, so a request that
 * changes several things of one aggregate appends all their events at once, or none: a command refused
 * halfway leaves nothing of the ones before it in the stream.
 */
export const allOf = <S, C extends Command, E extends AnyEvent>(
  decider: Decider<S, C, E>,
): Decider<S, AllOf<C>, E> => ({
  initialState: decider.initialState,
  evolve: decider.evolve,
  decide: ({ data, metadata }, state) => {
    const events: E[] = [];
    let current = state;
    for (const command of data.commands) {
      const decided = decider.decide({ ...command, metadata } as C, current);
      events.push(...decided);
      current = decided.reduce(decider.evolve, current);
    }
    return events;
  },
});
