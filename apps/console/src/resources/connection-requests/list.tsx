import { getDefaultFilter } from '@refinedev/core';
import { Space, Table, Tooltip, Typography } from 'antd';
import { DateText } from '../../components/date-text';
import { NavButton } from '../../components/nav-button';
import { PageFrame } from '../../components/page-frame';
import { StatusTag } from '../../components/status-tag';
import { useTableProps } from '../../components/use-table-props';
import { useUserNames } from '../../components/use-user-names';
import type { ConnectionRequest } from '../../types';
import { RequestActions } from './request-actions';

const STATUSES = ['pending', 'approved', 'rejected', 'cancelled'].map((value) => ({ text: value, value }));

/** Newest first: the order the API lists requests in, the only one it offers. */
export const ConnectionRequestList = () => {
  const userName = useUserNames();
  const { tableProps, filters } = useTableProps<ConnectionRequest>({ syncWithLocation: true });
  return (
    <PageFrame
      title="Connection requests"
      buttons={
        <NavButton resource="connection-requests" action="create" type="primary">
          Request a connection
        </NavButton>
      }
    >
      <Typography.Paragraph type="secondary">
        An approved request creates the connection, which then appears in your connection list.
      </Typography.Paragraph>
      <Table {...tableProps} rowKey="id">
        <Table.Column dataIndex="name" title="Name" />
        <Table.Column dataIndex="environment" title="Environment" />
        <Table.Column dataIndex="provider" title="Provider" />
        <Table.Column dataIndex="requestedBy" title="Requested by" render={userName} />
        <Table.Column
          dataIndex="requestedAt"
          title="Requested"
          render={(value: string) => <DateText value={value} />}
        />
        <Table.Column<ConnectionRequest>
          dataIndex="status"
          title="Status"
          filters={STATUSES}
          filterMultiple={false}
          defaultFilteredValue={getDefaultFilter('status', filters, 'in')}
          render={(_, record) => (
            <Tooltip title={record.reason ?? record.note}>
              <span>
                <StatusTag value={record.status} />
              </span>
            </Tooltip>
          )}
        />
        <Table.Column dataIndex="decidedBy" title="Decided by" render={userName} />
        <Table.Column<ConnectionRequest>
          key="actions"
          title="Actions"
          render={(_, record) => (
            <Space>
              <NavButton
                resource="connection-requests"
                action="show"
                hideText
                size="small"
                id={record.id}
                aria-label={`Show the request for ${record.name}`}
              />
              <RequestActions request={record} />
            </Space>
          )}
        />
      </Table>
    </PageFrame>
  );
};
