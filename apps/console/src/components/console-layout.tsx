import { Suspense } from 'react';
import { Authenticated, CanAccess } from '@refinedev/core';
import { CatchAllNavigate } from '@refinedev/react-router';
import { Outlet } from 'react-router';
import { Layout, Spin } from 'antd';
import { ConsoleHeader } from './console-header';
import { ConsoleSider } from './console-sider';
import { lazyPage } from './lazy-page';
import { LiveStreamConnection } from './live-stream-connection';

const Forbidden = lazyPage(() => import('./not-allowed'), 'Forbidden');

/** While a page's code loads, the menu and header stay where they are. */
const PageLoading = () => <Spin style={{ display: 'block', margin: '64px auto' }} />;

/** The frame of every page of a logged-in user: menu, header, the live stream, access control. */
export const ConsoleLayout = () => (
  <Authenticated key="console" fallback={<CatchAllNavigate to="/login" />}>
    <LiveStreamConnection />
    <Layout style={{ minHeight: '100vh' }} hasSider>
      <ConsoleSider />
      <Layout>
        <ConsoleHeader />
        <Layout.Content style={{ minHeight: 360, padding: 24 }}>
          <Suspense fallback={<PageLoading />}>
            <CanAccess fallback={<Forbidden />}>
              <Outlet />
            </CanAccess>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  </Authenticated>
);
