import { boundConnections, overallStatus } from './environment-health';

describe('environment health', () => {
  describe('the overall status', () => {
    it('is ok when every bound connection answers', () =>
      expect(overallStatus([{ status: 'up' }, { status: 'up' }])).toBe('ok'));
    it('is ok when nothing is bound: nothing fails', () => expect(overallStatus([])).toBe('ok'));
    it('is degraded when some answer and some do not', () =>
      expect(overallStatus([{ status: 'up' }, { status: 'down' }])).toBe('degraded'));
    it('is down when no bound connection answers', () =>
      expect(overallStatus([{ status: 'down' }, { status: 'down' }])).toBe('down'));
  });

  it('lists each bound connection once, with the integrations bound to it, leaving out unbound deployments', () =>
    expect(
      boundConnections([
        { integrationId: 'i-1', connectionId: 'c-2' },
        { integrationId: 'i-2' },
        { integrationId: 'i-3', connectionId: 'c-1' },
        { integrationId: 'i-4', connectionId: 'c-2' },
      ]),
    ).toEqual(
      new Map([
        ['c-1', ['i-3']],
        ['c-2', ['i-1', 'i-4']],
      ]),
    ));
});
