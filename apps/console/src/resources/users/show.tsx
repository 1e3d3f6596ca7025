import { DateField, Show } from '@refinedev/antd';
import { useShow, type HttpError } from '@refinedev/core';
import { Descriptions, Space, Tag } from 'antd';
import { DetailsAndHistory } from '../../components/details-and-history';
import { useUserNames } from '../../components/use-user-names';
import type { UserView } from '../../types';
import { auditLinkOf } from '../audit/audit-search';

/** A user, their roles and their history (registration, role changes, password changes, logouts). */
export const UserShow = () => {
  const userName = useUserNames();
  const { result: user, query, showId: id } = useShow<UserView>({ errorNotification: false });
  const userId = String(id ?? '');
  return (
    <Show isLoading={false} title={user?.username ?? 'User'}>
      <DetailsAndHistory
        path={`/users/${userId}`}
        auditLink={auditLinkOf('user', userId)}
        error={query.error as HttpError | null}
        details={
          user && (
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="Username">{user.username}</Descriptions.Item>
              <Descriptions.Item label="Display name">{user.displayName}</Descriptions.Item>
              <Descriptions.Item label="Roles" span="filled">
                <Space wrap>
                  {user.owner && <Tag color="gold">owner</Tag>}
                  {user.roles.map(({ environment, role }) => (
                    <Tag key={`${environment}:${role}`} color={role === 'admin' ? 'red' : 'blue'}>
                      {environment}: {role}
                    </Tag>
                  ))}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label="Created by">{userName(user.createdBy)}</Descriptions.Item>
              <Descriptions.Item label="Created">
                <DateField value={user.createdAt} format="YYYY-MM-DD HH:mm" />
              </Descriptions.Item>
            </Descriptions>
          )
        }
      />
    </Show>
  );
};
