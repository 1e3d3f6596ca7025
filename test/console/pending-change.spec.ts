import { isPendingChange } from '../../apps/console/src/components/pending-change';

/** Where four eyes apply, a change answers 202 with the change request: the console must not take it as done. */
describe('a change sent for approval, as the console tells it from a change applied', () => {
  it('given a 202 answer naming a pending change request, then it is pending', () => {
    expect(
      isPendingChange({ changeRequestId: '0190a000-0000-7000-8000-0000000000c1', status: 'pending' }),
    ).toBe(true);
  });

  it('given the changed connection, nothing (a 204), or another status, then it is not pending', () => {
    expect(isPendingChange({ id: 'c1', name: 'Orders', version: 2 })).toBe(false);
    expect(isPendingChange(undefined)).toBe(false);
    expect(isPendingChange(null)).toBe(false);
    expect(isPendingChange({ changeRequestId: 'c1', status: 'approved' })).toBe(false);
    expect(isPendingChange({ status: 'pending' })).toBe(false);
  });
});
