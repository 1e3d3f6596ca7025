import { type Decider } from './decider';
import { type DomainError, type ValidationError } from './errors';
import { type AnyEvent } from './event';

type ErrorClass<T extends DomainError> = abstract new (...args: never[]) => T;

export type DeciderThen<Evt extends AnyEvent> = Readonly<{
  then: (expected: readonly Evt[]) => void;
  /** `inspect` lets a spec look further at the error, e.g. at its field errors. */
  thenThrows: <T extends DomainError>(
    errorClass: ErrorClass<T>,
    code?: string,
    inspect?: (error: T) => void,
  ) => void;
  thenNothingHappens: () => void;
}>;

export type DeciderGiven<Cmd, Evt extends AnyEvent> = (
  events: readonly Evt[],
) => Readonly<{ when: (command: Cmd) => DeciderThen<Evt> }>;

/**
 * Given (past events) / when (command) / then (new events or error) for deciders. It asserts with
 * jest's global `expect`, looked up only when a spec runs, so importing the library outside jest
 * stays harmless.
 */
export const DeciderSpecification = {
  for:
    <State, Cmd, Evt extends AnyEvent>(decider: Decider<State, Cmd, Evt>): DeciderGiven<Cmd, Evt> =>
    (events) => ({
      when: (command) => {
        const decide = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
        return {
          then: (expected) => expect(decide()).toEqual(expected),
          thenNothingHappens: () => expect(decide()).toEqual([]),
          thenThrows: <T extends DomainError>(
            errorClass: ErrorClass<T>,
            code?: string,
            inspect?: (error: T) => void,
          ) => {
            let thrown: unknown;
            try {
              decide();
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(errorClass);
            if (code !== undefined) expect((thrown as T).code).toBe(code);
            inspect?.(thrown as T);
          },
        };
      },
    }),
};

/** For `thenThrows(ValidationError, code, invalidFields(...))`: the fields named, in order. */
export const invalidFields =
  (...fields: readonly string[]) =>
  (error: ValidationError): void =>
    expect(error.fieldErrors.map(({ field }) => field)).toEqual(fields);
