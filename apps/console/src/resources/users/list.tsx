import { Space, Table, Tag } from 'antd';
import { DateText } from '../../components/date-text';
import { NavButton } from '../../components/nav-button';
import { PageFrame } from '../../components/page-frame';
import { useTableProps } from '../../components/use-table-props';
import type { RoleGrant, UserView } from '../../types';

export const UserList = () => {
  const { tableProps } = useTableProps<UserView>({ syncWithLocation: true });
  return (
    <PageFrame
      title="Users"
      buttons={
        <NavButton resource="users" action="create" type="primary">
          Create user
        </NavButton>
      }
    >
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
          render={(value: string) => <DateText value={value} />}
        />
        <Table.Column<UserView>
          key="actions"
          title="Actions"
          render={(_, user) => (
            <NavButton
              resource="users"
              action="show"
              hideText
              size="small"
              id={user.id}
              aria-label={`Show ${user.username}`}
            />
          )}
        />
      </Table>
    </PageFrame>
  );
};
