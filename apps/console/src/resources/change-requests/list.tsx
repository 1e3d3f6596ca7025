import { getDefaultFilter, useList } from '@refinedev/core';
import { Space, Table, Tooltip, Typography } from 'antd';
import { DateText } from '../../components/date-text';
import { NavButton } from '../../components/nav-button';
import { PageFrame } from '../../components/page-frame';
import { StatusTag } from '../../components/status-tag';
import { useTableProps } from '../../components/use-table-props';
import { useUserNames } from '../../components/use-user-names';
import type { ChangeKind, ChangeRequest, Environment } from '../../types';
import { ChangeRequestActions } from './change-request-actions';
import { CHANGE_KIND_LABELS, CHANGE_REQUEST_STATUSES } from './change-request-model';

const STATUSES = CHANGE_REQUEST_STATUSES.map((value) => ({ text: value, value }));

/**
 * The four-eyes change requests of the environments the user administers, and their own; newest first
 * (the API's one order), filtered by environment and status.
 */
export const ChangeRequestList = () => {
  const userName = useUserNames();
  const { tableProps, filters } = useTableProps<ChangeRequest>({ syncWithLocation: true });
  const { result: environments } = useList<Environment>({
    resource: 'environments',
    pagination: { mode: 'off' },
  });
  return (
    <PageFrame title="Change requests">
      <Typography.Paragraph type="secondary">
        Where an environment asks for four eyes, promotions, bindings and connection changes wait here for a
        second administrator of that environment.
      </Typography.Paragraph>
      <Table {...tableProps} rowKey="id" aria-label="Change requests">
        <Table.Column<ChangeRequest> dataIndex="summary" title="Change" />
        <Table.Column<ChangeRequest>
          dataIndex="kind"
          title="Kind"
          render={(kind: ChangeKind) => CHANGE_KIND_LABELS[kind]}
        />
        <Table.Column<ChangeRequest>
          dataIndex="environment"
          title="Environment"
          filters={environments.data.map(({ name }) => ({ text: name, value: name }))}
          filterMultiple={false}
          defaultFilteredValue={getDefaultFilter('environment', filters, 'in')}
        />
        <Table.Column dataIndex="requestedBy" title="Requested by" render={userName} />
        <Table.Column
          dataIndex="requestedAt"
          title="Requested"
          render={(value: string) => <DateText value={value} />}
        />
        <Table.Column<ChangeRequest>
          dataIndex="status"
          title="Status"
          filters={STATUSES}
          filterMultiple={false}
          defaultFilteredValue={getDefaultFilter('status', filters, 'in')}
          render={(_, record) => (
            <Tooltip title={record.reason ?? record.failureMessage}>
              <span>
                <StatusTag value={record.status} />
              </span>
            </Tooltip>
          )}
        />
        <Table.Column dataIndex="decidedBy" title="Decided by" render={userName} />
        <Table.Column<ChangeRequest>
          key="actions"
          title="Actions"
          render={(_, record) => (
            <Space>
              <NavButton
                resource="change-requests"
                action="show"
                hideText
                size="small"
                id={record.id}
                aria-label={`Show the change request: ${record.summary}`}
              />
              <ChangeRequestActions request={record} />
            </Space>
          )}
        />
      </Table>
    </PageFrame>
  );
};
