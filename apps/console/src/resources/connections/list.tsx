import { CreateButton, DateField, List, ShowButton, useTable } from '@refinedev/antd';
import { Space, Table, Tag } from 'antd';
import { useUserNames } from '../../components/use-user-names';
import type { Connection, ConnectionDetails } from '../../types';
import { serverOf } from './connection-server';
import { TestConnectionButton } from './test-connection-button';

export const ConnectionList = () => {
  const userName = useUserNames();
  const { tableProps } = useTable<Connection>({ syncWithLocation: true });
  return (
    <List headerButtons={<CreateButton>Create connection</CreateButton>}>
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
          render={(value: string) => <DateField value={value} format="YYYY-MM-DD HH:mm" />}
        />
        <Table.Column<Connection>
          key="actions"
          title="Actions"
          render={(_, record) => (
            <Space>
              <ShowButton hideText size="small" recordItemId={record.id} aria-label={`Show ${record.name}`} />
              <TestConnectionButton connectionId={record.id} />
            </Space>
          )}
        />
      </Table>
    </List>
  );
};
