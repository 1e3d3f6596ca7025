import { useGetIdentity, useGo } from '@refinedev/core';
import { DownOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Space, theme } from 'antd';
import type { Identity } from '../providers/auth-provider';
import { NotificationBell } from './notification-bell';

/** The header of every page: the notification bell and the user, whose menu leads to their profile and password. */
export const ConsoleHeader = () => {
  const { token } = theme.useToken();
  const go = useGo();
  const { data: user } = useGetIdentity<Identity>();
  if (!user) return null;
  return (
    <Layout.Header
      style={{
        backgroundColor: token.colorBgElevated,
        display: 'flex',
        justifyContent: 'flex-end',
        alignItems: 'center',
        padding: '0 24px',
        height: 64,
      }}
    >
      <Space size="middle">
        <NotificationBell />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: '/profile', icon: <UserOutlined />, label: 'Profile and notifications' },
              { key: '/profile/password', icon: <LockOutlined />, label: 'Change password' },
            ],
            onClick: ({ key }) => go({ to: key }),
          }}
        >
          <Button type="text" aria-label="User menu">
            <Space size="small">
              <strong>{user.name}</strong>
              <DownOutlined style={{ fontSize: 10 }} />
            </Space>
          </Button>
        </Dropdown>
      </Space>
    </Layout.Header>
  );
};
