import { fold } from '../shared/decider';
import { DeciderSpecification, invalidFields } from '../shared/decider-specification';
import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import { type RequestedChange, secretRefOf } from './change-request.change';
import { type ChangeRequestCommand } from './change-request.commands';
import { changeRequestDecider } from './change-request.decider';
import { type ChangeRequestEvent } from './change-request.events';
import { changeRequestStreamId } from './change-request.stream';

const changeRequestId = 'cr-1';
const now = new Date('2025-03-04T05:06:07.000Z');
const at = now.toISOString();
const as = (actorId: string) => ({ actorId, now });
const promote: RequestedChange = {
  kind: 'promote',
  integrationId: 'int-1',
  body: { version: 2, environment: 'prod' },
};

const request = (change: RequestedChange = promote, summary = 'Promote Orders version 2 to prod') =>
  ({
    type: 'RequestChange',
    data: { changeRequestId, environment: 'prod', change, summary },
    metadata: as('ann'),
  }) satisfies ChangeRequestCommand;
const approve = (actorId: string): ChangeRequestCommand => ({
  type: 'ApproveChange',
  data: { changeRequestId },
  metadata: as(actorId),
});
const reject = (reason: string): ChangeRequestCommand => ({
  type: 'RejectChange',
  data: { changeRequestId, reason },
  metadata: as('bob'),
});
const cancel = (actorId: string): ChangeRequestCommand => ({
  type: 'CancelChange',
  data: { changeRequestId },
  metadata: as(actorId),
});
const applied: ChangeRequestCommand = {
  type: 'RecordChangeOutcome',
  data: { changeRequestId, outcome: { applied: true } },
  metadata: as('bob'),
};
const failed: ChangeRequestCommand = {
  type: 'RecordChangeOutcome',
  data: {
    changeRequestId,
    outcome: { applied: false, code: 'PRECONDITION_FAILED', message: 'The connection changed meanwhile' },
  },
  metadata: as('bob'),
};

const requested: ChangeRequestEvent = {
  type: 'ChangeRequested',
  data: {
    changeRequestId,
    environment: 'prod',
    change: promote,
    summary: 'Promote Orders version 2 to prod',
    requestedBy: 'ann',
    requestedAt: at,
  },
};
const approved: ChangeRequestEvent = {
  type: 'ChangeApproved',
  data: { changeRequestId, approvedBy: 'bob', approvedAt: at },
};
const rejected: ChangeRequestEvent = {
  type: 'ChangeRejected',
  data: { changeRequestId, reason: 'Not on a Friday', rejectedBy: 'bob', rejectedAt: at },
};
const cancelled: ChangeRequestEvent = {
  type: 'ChangeCancelled',
  data: { changeRequestId, cancelledBy: 'ann', cancelledAt: at },
};

const given = DeciderSpecification.for(changeRequestDecider);

describe('ChangeRequest decider', () => {
  describe('RequestChange', () => {
    it('records the change as asked, with who asked and when', () =>
      given([]).when(request()).then([requested]));

    it('requires a summary and a known kind of change', () =>
      given([])
        .when(request({ kind: 'reboot' } as never, ' '))
        .thenThrows(ValidationError, 'CHANGE_REQUEST.INVALID', invalidFields('change.kind', 'summary')));

    it('refuses to file the same request twice', () =>
      given([requested]).when(request()).thenThrows(IllegalStateError, 'CHANGE_REQUEST.ALREADY_EXISTS'));
  });

  describe('ApproveChange', () => {
    it('is approved by another administrator', () =>
      given([requested]).when(approve('bob')).then([approved]));

    it('is never approved by the one who asked for it', () =>
      given([requested]).when(approve('ann')).thenThrows(ForbiddenError, 'FOUR_EYES.SAME_PERSON'));

    it('is approved once: a second approval names who approved it and when', () =>
      given([requested, approved])
        .when(approve('cid'))
        .thenThrows(IllegalStateError, 'CHANGE_REQUEST.NOT_PENDING', (error) =>
          expect(error.message).toBe(`Change request cr-1 was already approved by bob at ${at}`),
        ));
  });

  describe('RejectChange', () => {
    it('is rejected with a reason', () =>
      given([requested]).when(reject('  Not on a Friday ')).then([rejected]));

    it('requires a reason', () =>
      given([requested])
        .when(reject(' '))
        .thenThrows(ValidationError, 'CHANGE_REQUEST.INVALID', invalidFields('reason')));
  });

  describe('CancelChange', () => {
    it('is cancelled by the requester', () => given([requested]).when(cancel('ann')).then([cancelled]));

    it('is cancelled by no one else, administrator or not', () =>
      given([requested]).when(cancel('bob')).thenThrows(ForbiddenError, 'FOUR_EYES.NOT_REQUESTER'));
  });

  describe('RecordChangeOutcome', () => {
    it('records an approved change as applied', () =>
      given([requested, approved])
        .when(applied)
        .then([{ type: 'ChangeApplied', data: { changeRequestId, appliedAt: at } }]));

    it('records an approved change refused when it ran, with the code and message', () =>
      given([requested, approved])
        .when(failed)
        .then([
          {
            type: 'ChangeFailed',
            data: {
              changeRequestId,
              code: 'PRECONDITION_FAILED',
              message: 'The connection changed meanwhile',
              failedAt: at,
            },
          },
        ]));

    it.each([
      ['pending', [requested]],
      [
        'applied already',
        [requested, approved, { type: 'ChangeApplied', data: { changeRequestId, appliedAt: at } }],
      ],
    ] as [string, ChangeRequestEvent[]][])('has no outcome while %s', (_, events) =>
      given(events).when(applied).thenThrows(IllegalStateError, 'CHANGE_REQUEST.NOT_APPROVED'),
    );
  });

  const decisions: [string, ChangeRequestCommand][] = [
    ['approve', approve('bob')],
    ['reject', reject('no')],
    ['cancel', cancel('ann')],
  ];

  it.each(decisions)('refuses to %s a missing request', (_, when) =>
    given([]).when(when).thenThrows(NotFoundError, 'CHANGE_REQUEST.NOT_FOUND'),
  );

  describe.each([
    ['approved', approved],
    ['rejected', rejected],
    ['cancelled', cancelled],
  ])('a request already %s', (_, decided) => {
    it.each(decisions)('cannot %s it again', (__, when) =>
      given([requested, decided]).when(when).thenThrows(IllegalStateError, 'CHANGE_REQUEST.NOT_PENDING'),
    );
  });

  it('keeps the first decision when a later one arrives', () =>
    expect(fold(changeRequestDecider, [requested, rejected, approved])).toMatchObject({
      status: 'rejected',
    }));

  it('keeps the secret of a password change, and none of a promotion', () => {
    expect(secretRefOf({ kind: 'rotate-password', connectionId: 'c', secretRef: 's-1' })).toBe('s-1');
    expect(secretRefOf(promote)).toBeUndefined();
  });

  it('names the stream after the change request id', () =>
    expect(changeRequestStreamId('abc')).toBe('change-request-abc'));
});
