import { type Command } from './command';
import { type Decider, assertNever } from './decider';
import { DeciderSpecification } from './decider-specification';
import { IllegalStateError, NotFoundError } from './errors';
import { type Event } from './event';

type Incremented = Event<'Incremented', { by: number }>;
type Increment = Command<'Increment', { by: number }>;

const metadata = { actorId: 'alice', now: new Date('2025-01-01T00:00:00.000Z') };
const increment = (by: number): Increment => ({ type: 'Increment', data: { by }, metadata });
const incremented = (by: number): Incremented => ({ type: 'Incremented', data: { by } });

/** At most 3; adding 0 changes nothing. */
const counter: Decider<number, Increment, Incremented> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.by,
  decide: (command, total) => {
    switch (command.type) {
      case 'Increment':
        if (total + command.data.by > 3) throw new IllegalStateError('COUNTER.FULL', 'At most 3');
        return command.data.by === 0 ? [] : [incremented(command.data.by)];
      default:
        return assertNever(command.type);
    }
  },
};

const given = DeciderSpecification.for(counter);

describe('DeciderSpecification', () => {
  it('passes when the decider yields the expected events from the folded history', () =>
    given([incremented(1), incremented(1)])
      .when(increment(1))
      .then([incremented(1)]));

  it('fails when the events differ', () =>
    expect(() =>
      given([])
        .when(increment(1))
        .then([incremented(2)]),
    ).toThrow());

  it('passes thenThrows on the expected error class and code, and shows the error', () => {
    const inspect = jest.fn();
    given([incremented(3)])
      .when(increment(1))
      .thenThrows(IllegalStateError, 'COUNTER.FULL', inspect);
    expect(inspect).toHaveBeenCalledWith(expect.objectContaining({ message: 'At most 3' }));
  });

  it('fails thenThrows when the inspection fails', () =>
    expect(() =>
      given([incremented(3)])
        .when(increment(1))
        .thenThrows(IllegalStateError, 'COUNTER.FULL', (error) => expect(error.message).toBe('other')),
    ).toThrow());

  it('fails thenThrows when nothing is thrown', () =>
    expect(() => given([]).when(increment(1)).thenThrows(IllegalStateError)).toThrow());

  it('fails thenThrows on another error class', () =>
    expect(() =>
      given([incremented(3)])
        .when(increment(1))
        .thenThrows(NotFoundError),
    ).toThrow());

  it('fails thenThrows on another code', () =>
    expect(() =>
      given([incremented(3)])
        .when(increment(1))
        .thenThrows(IllegalStateError, 'OTHER'),
    ).toThrow());

  it('passes thenNothingHappens when no event is yielded', () =>
    given([]).when(increment(0)).thenNothingHappens());

  it('fails thenNothingHappens when an event is yielded', () =>
    expect(() => given([]).when(increment(1)).thenNothingHappens()).toThrow());

  it('lets an unexpected error surface from then', () =>
    expect(() =>
      given([incremented(3)])
        .when(increment(1))
        .then([]),
    ).toThrow(IllegalStateError));
});
