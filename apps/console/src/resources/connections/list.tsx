import { CreateButton, DateField, List, useTable } from '@refinedev/antd';
import { Table, Tag } from 'antd';
import { useUserNames } from '../../components/use-user-names';
import type { Connection, ConnectionDetails } from '../../types';
import { TestConnectionButton } from './test-connection-button';

const where = ({ host, port, path, database }: ConnectionDetails): string =>
  path ?? [host && (port ? `${host}:${port}` : host), database].filter(Boolean).join(' / ');

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
          render={(details: ConnectionDetails) => where(details)}
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
          render={(_, record) => <TestConnectionButton connectionId={record.id} />}
        />
      </Table>
    </List>
  );
};
