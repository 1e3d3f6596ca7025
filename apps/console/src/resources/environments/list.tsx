import { CreateButton, DateField, List, ShowButton, useTable } from '@refinedev/antd';
import { Table } from 'antd';
import { StatusTag } from '../../components/status-tag';
import type { Environment } from '../../types';

export const EnvironmentList = () => {
  const { tableProps } = useTable<Environment>({ syncWithLocation: true });
  return (
    <List headerButtons={<CreateButton>Add environment</CreateButton>}>
      <Table {...tableProps} rowKey="name">
        <Table.Column dataIndex="name" title="Name" />
        <Table.Column dataIndex="kind" title="Kind" render={(value: string) => <StatusTag value={value} />} />
        <Table.Column dataIndex="address" title="Address" />
        <Table.Column<Environment>
          dataIndex="fourEyes"
          title="Four eyes"
          render={(fourEyes: boolean) => (fourEyes ? 'On' : 'Off')}
        />
        <Table.Column
          dataIndex="createdAt"
          title="Created"
          render={(value: string) => <DateField value={value} format="YYYY-MM-DD HH:mm" />}
        />
        <Table.Column<Environment>
          key="actions"
          title="Actions"
          render={(_, environment) => (
            <ShowButton
              hideText
              size="small"
              recordItemId={environment.name}
              aria-label={`Show ${environment.name}`}
            />
          )}
        />
      </Table>
    </List>
  );
};
