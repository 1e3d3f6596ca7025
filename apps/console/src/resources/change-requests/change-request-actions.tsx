import { useState } from 'react';
import { CanAccess, type HttpError, useCustomMutation, useGetIdentity, useInvalidate } from '@refinedev/core';
import { Button, Popconfirm, Space } from 'antd';
import { LazyReasonModal } from '../../components/lazy-reason-modal';
import type { Identity } from '../../providers/auth-provider';
import { ifMatch } from '../../providers/http';
import type { ChangeRequest } from '../../types';

type Decision = 'approve' | 'reject' | 'cancel';

const DONE: Record<Decision, string> = {
  approve: 'Change approved',
  reject: 'Change rejected',
  cancel: 'Change request cancelled',
};

/** How the API's refusals of a decision read on the screen; the problem's detail says the rest. */
const refusalTitle = (error: HttpError | undefined): string => {
  if (error?.code === 'FOUR_EYES.SAME_PERSON') return 'You cannot approve your own change';
  if (error?.code === 'CHANGE_REQUEST.NOT_PENDING') return 'This change request was decided already';
  return 'The change request was not decided';
};

/** The answer to an approval: the change ran at once, and was applied or failed. */
const approvalOutcome = (request: ChangeRequest) =>
  request.status === 'failed'
    ? {
        type: 'error' as const,
        message: 'Approved, but the change failed',
        description: request.failureMessage ?? request.failureCode,
      }
    : { type: 'success' as const, message: 'Change approved and applied' };

/**
 * Another administrator of its environment approves a pending change (it runs at once) or rejects it
 * with a reason; its requester may only cancel it: four eyes never approve their own change.
 */
export const ChangeRequestActions = ({ request }: { request: ChangeRequest }) => {
  const [rejecting, setRejecting] = useState(false);
  const invalidate = useInvalidate();
  const { data: identity } = useGetIdentity<Identity>();
  const { mutate, mutation } = useCustomMutation<ChangeRequest>();

  const decide = (decision: Decision, values: object = {}) =>
    mutate(
      {
        url: `/change-requests/${request.id}/${decision}`,
        method: 'post',
        values,
        config: { headers: ifMatch(request.version) },
        successNotification: (response) =>
          decision === 'approve' && response
            ? approvalOutcome(response.data)
            : { type: 'success', message: DONE[decision] },
        errorNotification: (error) => ({
          type: 'error',
          message: refusalTitle(error),
          description: error?.message,
        }),
      },
      {
        onSuccess: () => setRejecting(false),
        onSettled: () => {
          void invalidate({ resource: 'change-requests', invalidates: ['list', 'detail'], id: request.id });
          void invalidate({ resource: 'approvals', invalidates: ['list'] });
        },
      },
    );

  if (request.status !== 'pending') return null;
  // No identity while a login or logout is under way (undefined, or null once logged out).
  const isRequester = identity != null && identity.id === request.requestedBy;
  const params = { environment: request.environment };
  return (
    <Space>
      {!isRequester && (
        <CanAccess resource="change-requests" action="approve" params={params}>
          <Popconfirm
            title="Approve this change?"
            description="It is applied at once."
            okText="Approve"
            onConfirm={() => decide('approve')}
          >
            <Button size="small" type="primary" loading={mutation.isPending}>
              Approve
            </Button>
          </Popconfirm>
        </CanAccess>
      )}
      {!isRequester && (
        <CanAccess resource="change-requests" action="reject" params={params}>
          <Button size="small" danger onClick={() => setRejecting(true)}>
            Reject
          </Button>
        </CanAccess>
      )}
      {isRequester && (
        <Popconfirm title="Cancel this change request?" okText="Cancel it" onConfirm={() => decide('cancel')}>
          <Button size="small">Cancel request</Button>
        </Popconfirm>
      )}
      <LazyReasonModal
        open={rejecting}
        title={`Reject "${request.summary}"`}
        loading={mutation.isPending}
        onCancel={() => setRejecting(false)}
        onSubmit={(reason) => decide('reject', { reason })}
      />
    </Space>
  );
};
