import { useState } from 'react';
import { CanAccess, useCustomMutation, useGetIdentity, useInvalidate } from '@refinedev/core';
import { Button, Popconfirm, Space } from 'antd';
import { LazyReasonModal } from '../../components/lazy-reason-modal';
import type { Identity } from '../../providers/auth-provider';
import { ifMatch } from '../../providers/http';
import type { ConnectionRequest } from '../../types';
import { refusalOf } from './request-refusal';

type Decision = 'approve' | 'reject' | 'cancel';

/**
 * What deciding needs of a request. The version, when known, guards the decision (If-Match): the
 * approvals inbox lists pending requests without theirs, and a request decided meanwhile is refused anyway.
 */
export type DecidableRequest = Pick<
  ConnectionRequest,
  'id' | 'name' | 'environment' | 'status' | 'requestedBy'
> & {
  version?: number;
};

const DONE: Record<Decision, string> = {
  approve: 'Request approved: the connection was created',
  reject: 'Request rejected',
  cancel: 'Request cancelled',
};

/** Administrators approve or reject a pending request; the requester may cancel it. */
export const RequestActions = ({ request }: { request: DecidableRequest }) => {
  const [rejecting, setRejecting] = useState(false);
  const invalidate = useInvalidate();
  const { data: identity } = useGetIdentity<Identity>();
  const { mutate, mutation } = useCustomMutation<ConnectionRequest>();

  const decide = (decision: Decision, values: object = {}) =>
    mutate(
      {
        url: `/connection-requests/${request.id}/${decision}`,
        method: 'post',
        values,
        config: request.version === undefined ? undefined : { headers: ifMatch(request.version) },
        successNotification: { type: 'success', message: DONE[decision] },
        errorNotification: (error) => ({ type: 'error', ...refusalOf(error) }),
      },
      {
        onSuccess: () => setRejecting(false),
        onSettled: () => {
          void invalidate({
            resource: 'connection-requests',
            invalidates: ['list', 'detail'],
            id: request.id,
          });
          void invalidate({ resource: 'approvals', invalidates: ['list'] });
          if (decision === 'approve') void invalidate({ resource: 'connections', invalidates: ['list'] });
        },
      },
    );

  if (request.status !== 'pending') return null;
  // No identity while a login or logout is under way (undefined, or null once logged out).
  const isRequester = identity != null && [identity.id, identity.username].includes(request.requestedBy);
  const params = { environment: request.environment };
  return (
    <Space>
      <CanAccess resource="connection-requests" action="approve" params={params}>
        <Popconfirm title="Approve and create this connection?" onConfirm={() => decide('approve')}>
          <Button size="small" type="primary" loading={mutation.isPending}>
            Approve
          </Button>
        </Popconfirm>
      </CanAccess>
      <CanAccess resource="connection-requests" action="reject" params={params}>
        <Button size="small" danger onClick={() => setRejecting(true)}>
          Reject
        </Button>
      </CanAccess>
      {isRequester && (
        <Popconfirm title="Cancel this request?" onConfirm={() => decide('cancel')}>
          <Button size="small">Cancel</Button>
        </Popconfirm>
      )}
      <LazyReasonModal
        open={rejecting}
        title={`Reject "${request.name}"`}
        loading={mutation.isPending}
        onCancel={() => setRejecting(false)}
        onSubmit={(reason) => decide('reject', { reason })}
      />
    </Space>
  );
};
