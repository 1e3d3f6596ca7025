import { useState } from 'react';
import { CanAccess, type TreeMenuItem, useLogout, useMenu, useWarnAboutChange } from '@refinedev/core';
import { Link } from 'react-router';
import { DatabaseOutlined, LeftOutlined, LogoutOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, theme } from 'antd';
import { Heading } from './plain-text';

/** The console's name over the menu, leading home; the icon alone when the menu is folded. */
const ConsoleTitle = ({ collapsed }: { collapsed: boolean }) => (
  <Link to="/" style={{ display: 'inline-block' }}>
    <Space size={8} align="center">
      <DatabaseOutlined style={{ fontSize: 22 }} />
      {!collapsed && <Heading level={5}>Integration Builder</Heading>}
    </Space>
  </Link>
);

/** Each page of the menu, shown only to whom the access control lets list it. */
const entries = (items: TreeMenuItem[]) =>
  items.map(({ key, name, label, meta, list }) => (
    <CanAccess key={key} resource={name} action="list" params={{ resource: { name, meta } }}>
      <Menu.Item key={key} icon={meta?.icon}>
        <Link to={list ?? '/'}>{label ?? meta?.label ?? name}</Link>
      </Menu.Item>
    </CanAccess>
  ));

/**
 * The console's menu: its pages, then Logout (which asks first if a form has unsaved changes). It folds to
 * icons on narrow screens or when asked. What `@refinedev/antd`'s themed sider draws, without its package.
 */
export const ConsoleSider = () => {
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const { menuItems, selectedKey } = useMenu();
  const { warnWhen, setWarnWhen } = useWarnAboutChange();
  const { mutate: logout } = useLogout();
  const arrow = { color: token.colorPrimary };
  const onLogout = () => {
    if (warnWhen && !window.confirm('Are you sure you want to leave? You have unsaved changes.')) return;
    setWarnWhen(false);
    logout();
  };
  return (
    <Layout.Sider
      collapsible
      collapsed={collapsed}
      onCollapse={(folded, type) => type === 'clickTrigger' && setCollapsed(folded)}
      breakpoint="lg"
      collapsedWidth={80}
      style={{ backgroundColor: token.colorBgContainer, borderRight: `1px solid ${token.colorBgElevated}` }}
      trigger={
        <Button
          type="text"
          aria-label={collapsed ? 'Unfold the menu' : 'Fold the menu'}
          style={{ borderRadius: 0, height: '100%', width: '100%', backgroundColor: token.colorBgElevated }}
          icon={collapsed ? <RightOutlined style={arrow} /> : <LeftOutlined style={arrow} />}
        />
      }
    >
      <div
        style={{
          height: 64,
          display: 'flex',
          alignItems: 'center',
          justifyContent: collapsed ? 'center' : 'flex-start',
          padding: collapsed ? 0 : '0 16px',
          backgroundColor: token.colorBgElevated,
        }}
      >
        <ConsoleTitle collapsed={collapsed} />
      </div>
      <Menu
        mode="inline"
        selectedKeys={selectedKey ? [selectedKey] : []}
        style={{ paddingTop: 8, border: 'none', overflow: 'auto', height: 'calc(100% - 72px)' }}
      >
        {entries(menuItems)}
        <Menu.Item key="logout" icon={<LogoutOutlined />} onClick={onLogout}>
          Logout
        </Menu.Item>
      </Menu>
    </Layout.Sider>
  );
};
