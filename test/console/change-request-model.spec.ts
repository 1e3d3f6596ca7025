import {
  changeFacts,
  changeRequestSteps,
} from '../../apps/console/src/resources/change-requests/change-request-model';
import type { ChangeRequest } from '../../apps/console/src/types';

const ANN = '0190a000-0000-7000-8000-00000000a001';
const BOB = '0190a000-0000-7000-8000-00000000b001';

const requested: ChangeRequest = {
  id: '0190a000-0000-7000-8000-0000000000c1',
  environment: 'production',
  kind: 'promote',
  summary: 'Promote version 2 of Orders to production',
  change: {
    kind: 'promote',
    integrationId: '0190a000-0000-7000-8000-0000000000d1',
    body: { version: 2, environment: 'production', force: true, reason: 'The new column is unused' },
  },
  status: 'pending',
  requestedBy: ANN,
  requestedAt: '2025-01-02T10:00:00.000Z',
  version: 0,
};
const decided = { decidedBy: BOB, decidedAt: '2025-01-02T11:00:00.000Z' };

/** A change request's page tells its life step by step: who asked, who decided, how it ended. */
describe('the steps of a change request, as its page shows them', () => {
  it('given a pending request, then it was requested by ann and waits for another administrator', () =>
    expect(changeRequestSteps(requested)).toEqual([
      { title: 'Requested', by: ANN, at: requested.requestedAt, outcome: 'done' },
      { title: 'Waiting for another administrator', outcome: 'waiting' },
    ]));

  it('given an approved change that was applied, then it shows who approved it and when it was applied', () =>
    expect(
      changeRequestSteps({
        ...requested,
        ...decided,
        status: 'applied',
        completedAt: '2025-01-02T11:00:01.000Z',
      }),
    ).toEqual([
      expect.objectContaining({ title: 'Requested' }),
      { title: 'Approved', by: BOB, at: decided.decidedAt, outcome: 'done' },
      { title: 'Applied', at: '2025-01-02T11:00:01.000Z', outcome: 'done' },
    ]));

  it('given an approved change that failed when it ran, then the last step says why', () =>
    expect(
      changeRequestSteps({
        ...requested,
        ...decided,
        status: 'failed',
        completedAt: '2025-01-02T11:00:01.000Z',
        failureCode: 'DEPLOYMENT.VERSION_NOT_PUBLISHED',
        failureMessage: 'Version 2 is not published',
      }).at(-1),
    ).toEqual({
      title: 'Failed',
      at: '2025-01-02T11:00:01.000Z',
      outcome: 'refused',
      detail: 'DEPLOYMENT.VERSION_NOT_PUBLISHED: Version 2 is not published',
    }));

  it('given a rejected request, then the rejection carries its reason', () =>
    expect(
      changeRequestSteps({ ...requested, ...decided, status: 'rejected', reason: 'Not before Monday' }).at(
        -1,
      ),
    ).toEqual({
      title: 'Rejected',
      by: BOB,
      at: decided.decidedAt,
      outcome: 'refused',
      detail: 'Not before Monday',
    }));

  it('given a request its requester cancelled, then it ends cancelled by them', () =>
    expect(
      changeRequestSteps({
        ...requested,
        status: 'cancelled',
        decidedBy: ANN,
        decidedAt: decided.decidedAt,
      }).at(-1),
    ).toEqual({ title: 'Cancelled', by: ANN, at: decided.decidedAt, outcome: 'refused' }));
});

describe('what a change names, read from the call it stands for', () => {
  it('given a forced promotion, then it names the integration, the version and the reason', () =>
    expect(changeFacts(requested.change)).toMatchObject({
      integrationId: requested.change.integrationId,
      version: 2,
      force: true,
      reason: 'The new column is unused',
    }));

  it('given a binding, then it names the connection from the body', () =>
    expect(changeFacts({ kind: 'bind', integrationId: 'i', body: { connectionId: 'c' } })).toMatchObject({
      integrationId: 'i',
      connectionId: 'c',
      force: undefined,
    }));

  it('given a new connection, then it shows its name, provider and details', () =>
    expect(
      changeFacts({
        kind: 'create-connection',
        connection: { name: 'Orders', provider: 'mysql', details: { host: 'db', port: 3306 } },
      }).connection,
    ).toEqual({ name: 'Orders', provider: 'mysql', details: { host: 'db', port: 3306 } }));

  it('given a policy change, then it says whether four eyes would be on', () =>
    expect(changeFacts({ kind: 'environment-policy', fourEyes: false }).fourEyes).toBe(false));
});
