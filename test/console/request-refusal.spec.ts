import { refusalOf } from '../../apps/console/src/resources/connection-requests/request-refusal';

describe('how a refused decision on a connection request reads', () => {
  it('given a request approved meanwhile, says by whom and when, not a version number', () => {
    const refusal = refusalOf({
      statusCode: 409,
      code: 'CONNECTION_REQUEST.NOT_PENDING',
      message: 'Connection request r-1 was already approved by ann at 2025-03-04T05:06:07.000Z',
      problem: { decision: 'approved', decidedByName: 'ann', decidedAt: '2025-03-04T05:06:07.000Z' },
    });
    expect(refusal.message).toMatch(/^Already approved by ann at 2025-03-0\d \d\d:\d\d$/);
    expect(JSON.stringify(refusal)).not.toMatch(/version|412/i);
  });

  it('given an answer without the decision’s members, still says it was decided already', () =>
    expect(
      refusalOf({ statusCode: 409, code: 'CONNECTION_REQUEST.NOT_PENDING', message: 'already rejected' }),
    ).toEqual({ message: 'This request was decided already', description: 'already rejected' }));

  it('given a stale If-Match, asks to look again rather than naming versions', () =>
    expect(
      refusalOf({ statusCode: 412, code: 'PRECONDITION_FAILED', message: 'at version 2, not 1' }).message,
    ).toBe('This request changed since you opened it'));
});
