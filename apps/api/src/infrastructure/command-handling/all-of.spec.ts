import { type Command, type Decider, ValidationError } from '@ib/domain';
import { allOf } from './all-of';

type Add = Command<'Add', { amount: number }>;
type Added = { type: 'Added'; data: { amount: number; at: string } };

/** A counter that refuses to go past 10. */
const counter: Decider<number, Add, Added> = {
  initialState: () => 0,
  evolve: (total, { data }) => total + data.amount,
  decide: ({ data, metadata }, total) => {
    if (total + data.amount > 10) throw new ValidationError('COUNTER.FULL', 'Past 10');
    return [{ type: 'Added', data: { amount: data.amount, at: metadata.now.toISOString() } }];
  },
};
const metadata = { actorId: 'someone', now: new Date('2025-01-01T00:00:00.000Z') };
const at = metadata.now.toISOString();
const add = (...amounts: number[]) => ({
  type: 'AllOf' as const,
  data: { commands: amounts.map((amount) => ({ type: 'Add' as const, data: { amount } })) },
  metadata,
});

describe('allOf', () => {
  it('given commands, when decided, then each is decided on the state the ones before left, with their metadata', () =>
    expect(allOf(counter).decide(add(4, 5), 0)).toEqual([
      { type: 'Added', data: { amount: 4, at } },
      { type: 'Added', data: { amount: 5, at } },
    ]));

  it('given a command refused after others, when decided, then nothing is decided', () =>
    expect(() => allOf(counter).decide(add(4, 5, 2), 0)).toThrow(ValidationError));

  it('given no command, when decided, then nothing happens', () =>
    expect(allOf(counter).decide(add(), 3)).toEqual([]));
});
