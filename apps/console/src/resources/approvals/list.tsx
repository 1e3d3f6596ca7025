import { DateField, List, useTable } from '@refinedev/antd';
import { Link } from 'react-router';
import { Table, Typography } from 'antd';
import type { Approval } from '../../types';
import { RequestActions } from '../connection-requests/request-actions';

const KINDS: Record<Approval['kind'], string> = {
  'connection-request': 'Connection request',
  'change-request': 'Change request',
};

/** What waits for the caller's decision, newest first; it follows the event stream, so it needs no reload. */
export const ApprovalList = () => {
  const { tableProps } = useTable<Approval>({ pagination: { mode: 'off' }, syncWithLocation: false });
  return (
    <List title="Approvals">
      <Typography.Paragraph type="secondary">
        What waits for your decision: the pending connection requests of the environments you administer.
      </Typography.Paragraph>
      <Table {...tableProps} rowKey="id" aria-label="Waiting for your decision">
        <Table.Column<Approval>
          dataIndex="title"
          title="What"
          render={(title: string, approval) => <Link to={approval.link}>{title}</Link>}
        />
        <Table.Column<Approval>
          dataIndex="kind"
          title="Kind"
          render={(kind: Approval['kind']) => KINDS[kind]}
        />
        <Table.Column dataIndex="environment" title="Environment" />
        <Table.Column<Approval> dataIndex={['requestedBy', 'username']} title="Requested by" />
        <Table.Column
          dataIndex="requestedAt"
          title="Requested"
          render={(value: string) => <DateField value={value} format="YYYY-MM-DD HH:mm" />}
        />
        <Table.Column<Approval>
          key="actions"
          title="Actions"
          render={(_, approval) =>
            // A change request is decided on its own page (the console's change-request pages come later).
            approval.kind !== 'connection-request' ? null : (
              <RequestActions
                request={{
                  id: approval.id,
                  name: approval.title,
                  environment: approval.environment,
                  status: 'pending',
                  requestedBy: approval.requestedBy.id,
                }}
              />
            )
          }
        />
      </Table>
    </List>
  );
};
