import { lazy, Suspense } from 'react';
import { useList } from '@refinedev/core';
import { Link } from 'react-router';
import { Space, Table } from 'antd';
import { Secondary } from '../../components/plain-text';
import { DateText } from '../../components/date-text';
import { PageFrame } from '../../components/page-frame';
import { useTableProps } from '../../components/use-table-props';
import type { Approval, ChangeRequest, ConnectionRequest } from '../../types';
import { ChangeRequestActions } from '../change-requests/change-request-actions';
import { CHANGE_KIND_LABELS } from '../change-requests/change-request-model';
import { RequestActions } from '../connection-requests/request-actions';
import { serverOf } from '../connections/connection-server';

/** What a change request changes, loaded when one is shown: an inbox of connection requests does without it. */
const ChangeDetails = lazy(async () => ({
  default: (await import('../change-requests/change-details')).ChangeDetails,
}));

const KINDS: Record<Approval['kind'], string> = {
  'connection-request': 'Connection request',
  'change-request': 'Change request',
};

/** What waits for the caller's decision, newest first; it follows the event stream, so it needs no reload. */
export const ApprovalList = () => {
  const { tableProps } = useTableProps<Approval>({ pagination: { mode: 'off' }, syncWithLocation: false });
  // What each pending change request changes: the inbox names it, the request itself tells it.
  const { result: pendingChanges } = useList<ChangeRequest>({
    resource: 'change-requests',
    pagination: { mode: 'off' },
    filters: [{ field: 'status', operator: 'eq', value: 'pending' }],
  });
  const changes = new Map(pendingChanges.data.map((change) => [change.id, change]));
  // What each pending connection request asks for, at a glance; its page shows all of it, and tests it.
  const { result: pendingRequests } = useList<ConnectionRequest>({
    resource: 'connection-requests',
    pagination: { mode: 'off' },
    filters: [{ field: 'status', operator: 'eq', value: 'pending' }],
  });
  const requests = new Map(pendingRequests.data.map((request) => [request.id, request]));
  return (
    <PageFrame title="Approvals">
      <Secondary block>
        What waits for your decision: the pending connection requests of the environments you administer, and
        the changes other administrators of them asked for where four eyes apply.
      </Secondary>
      <Table {...tableProps} rowKey="id" aria-label="Waiting for your decision">
        <Table.Column<Approval>
          dataIndex="title"
          title="What"
          render={(title: string, approval) => {
            const change = changes.get(approval.id);
            const request = requests.get(approval.id);
            return (
              <Space direction="vertical" size="small">
                <Link to={approval.link}>{title}</Link>
                {approval.kind === 'change-request' && change && (
                  <Suspense fallback={null}>
                    <ChangeDetails request={change} compact />
                  </Suspense>
                )}
                {approval.kind === 'connection-request' && request && (
                  <Secondary>
                    {`${request.provider}: ${serverOf(request.details)}`}
                    {request.note && ` — “${request.note}”`}
                  </Secondary>
                )}
              </Space>
            );
          }}
        />
        <Table.Column<Approval>
          dataIndex="kind"
          title="Kind"
          render={(kind: Approval['kind'], approval) => {
            const change = changes.get(approval.id);
            return change ? `${KINDS[kind]}: ${CHANGE_KIND_LABELS[change.kind]}` : KINDS[kind];
          }}
        />
        <Table.Column dataIndex="environment" title="Environment" />
        <Table.Column<Approval> dataIndex={['requestedBy', 'username']} title="Requested by" />
        <Table.Column
          dataIndex="requestedAt"
          title="Requested"
          render={(value: string) => <DateText value={value} />}
        />
        <Table.Column<Approval>
          key="actions"
          title="Actions"
          render={(_, approval) => {
            if (approval.kind === 'change-request') {
              const change = changes.get(approval.id);
              return change ? <ChangeRequestActions request={change} /> : null;
            }
            return (
              <RequestActions
                request={{
                  id: approval.id,
                  name: approval.title,
                  environment: approval.environment,
                  status: 'pending',
                  requestedBy: approval.requestedBy.id,
                }}
              />
            );
          }}
        />
      </Table>
    </PageFrame>
  );
};
