import { Show } from '@refinedev/antd';
import { useShow, type HttpError } from '@refinedev/core';
import { Descriptions, Space, Tag } from 'antd';
import { DetailsAndHistory } from '../../components/details-and-history';
import { useUserNames } from '../../components/use-user-names';
import type { UserView } from '../../types';
import { useAdminEnvironments } from '../../components/use-admin-environments';
import { readSession } from '../../providers/session';
import { auditLinkOf } from '../audit/audit-search';
import { DisableButton, EditRolesButton, ResetPasswordButton } from './user-actions';
import { DateText } from '../../components/date-text';

/**
 * A user, their roles and their history (registration, role changes, password changes, logouts); an
 * administrator edits their roles, disables or enables them and resets their password (the API says
 * whether they may: the buttons only leave out what is never theirs, such as disabling themselves).
 */
export const UserShow = () => {
  const userName = useUserNames();
  const { result: user, query, showId: id } = useShow<UserView>({ errorNotification: false });
  const userId = String(id ?? '');
  const session = readSession();
  const manages = useAdminEnvironments().length > 0 || session?.user.owner === true;
  const self = session?.user.id === userId;
  const refetch = () => void query.refetch();
  const actions =
    user && manages ? (
      <Space wrap>
        <EditRolesButton user={user} onChanged={refetch} />
        {!self && <ResetPasswordButton user={user} onChanged={refetch} />}
        {!self && <DisableButton user={user} onChanged={refetch} />}
      </Space>
    ) : undefined;
  return (
    <Show
      isLoading={false}
      title={user?.username ?? 'User'}
      headerButtons={({ defaultButtons }) => (
        <>
          {defaultButtons}
          {actions}
        </>
      )}
    >
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
              <Descriptions.Item label="Status">
                <Space wrap>
                  {user.disabled ? <Tag>disabled</Tag> : <Tag color="green">active</Tag>}
                  {user.mustChangePassword && <Tag color="orange">must change password</Tag>}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label="Created by">{userName(user.createdBy)}</Descriptions.Item>
              <Descriptions.Item label="Created">
                <DateText value={user.createdAt} format="YYYY-MM-DD HH:mm" />
              </Descriptions.Item>
            </Descriptions>
          )
        }
      />
    </Show>
  );
};
