import { Space, Table, Tag } from 'antd';
import { DateText } from '../../components/date-text';
import { NavButton } from '../../components/nav-button';
import { PageFrame } from '../../components/page-frame';
import { useTableProps } from '../../components/use-table-props';
import { useUserNames } from '../../components/use-user-names';
import type { Connection, ConnectionDetails } from '../../types';
import { serverOf } from './connection-server';
import { TestConnectionButton } from './test-connection-button';

export const ConnectionList = () => {
  const userName = useUserNames();
  const { tableProps } = useTableProps<Connection>({ syncWithLocation: true });
  return (
    <PageFrame
      title="Connections"
      buttons={
        <NavButton resource="connections" action="create" type="primary">
          Create connection
        </NavButton>
      }
    >
      <Table {...tableProps} rowKey="id">
        <Table.Column dataIndex="name" title="Name" />
        <Table.Column dataIndex="environment" title="Environment" />
        <Table.Column dataIndex="provider" title="Provider" />
        <Table.Column
          dataIndex="details"
          title="Server"
          render={(details: ConnectionDetails) => serverOf(details)}
        />
        <Table.Column dataIndex={['details', 'username']} title="User" />
        <Table.Column
          dataIndex="hasSecret"
          title="Secret"
          render={(hasSecret: boolean) => (hasSecret ? <Tag color="green">stored</Tag> : <Tag>none</Tag>)}
        />
        <Table.Column dataIndex="createdBy" title="Created by" render={userName} />
        <Table.Column
          dataIndex="createdAt"
          title="Created"
          render={(value: string) => <DateText value={value} />}
        />
        <Table.Column<Connection>
          key="actions"
          title="Actions"
          render={(_, record) => (
            <Space>
              <NavButton
                resource="connections"
                action="show"
                hideText
                size="small"
                id={record.id}
                aria-label={`Show ${record.name}`}
              />
              <TestConnectionButton connectionId={record.id} />
            </Space>
          )}
        />
      </Table>
    </PageFrame>
  );
};
