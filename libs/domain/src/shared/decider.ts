import { type AnyEvent } from './event';

export type Decider<State, Cmd, Evt extends AnyEvent> = Readonly<{
  initialState: () => State;
  evolve: (state: State, event: Evt) => State;
  decide: (command: Cmd, state: State) => Evt[];
}>;

export const fold = <State, Evt extends AnyEvent>(
  decider: Pick<Decider<State, unknown, Evt>, 'initialState' | 'evolve'>,
  events: readonly Evt[],
): State => events.reduce(decider.evolve, decider.initialState());

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
