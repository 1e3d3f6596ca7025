import { CreateButton, DateField, List, ShowButton, useTable } from '@refinedev/antd';
import { Space, Table, Tag } from 'antd';
import type { RoleGrant, UserView } from '../../types';

export const UserList = () => {
  const { tableProps } = useTable<UserView>({ syncWithLocation: true });
  return (
    <List headerButtons={<CreateButton>Create user</CreateButton>}>
      <Table {...tableProps} rowKey="id">
        <Table.Column dataIndex="username" title="Username" />
        <Table.Column dataIndex="displayName" title="Display name" />
        <Table.Column
          dataIndex="roles"
          title="Roles"
          render={(roles: RoleGrant[], user: UserView) => (
            <Space wrap>
              {user.owner && <Tag color="gold">owner</Tag>}
              {roles.map(({ environment, role }) => (
                <Tag key={`${environment}:${role}`} color={role === 'admin' ? 'red' : 'blue'}>
                  {environment}: {role}
                </Tag>
              ))}
            </Space>
          )}
        />
        <Table.Column
          dataIndex="createdAt"
          title="Created"
          render={(value: string) => <DateField value={value} format="YYYY-MM-DD HH:mm" />}
        />
        <Table.Column<UserView>
          key="actions"
          title="Actions"
          render={(_, user) => (
            <ShowButton hideText size="small" recordItemId={user.id} aria-label={`Show ${user.username}`} />
          )}
        />
      </Table>
    </List>
  );
};
