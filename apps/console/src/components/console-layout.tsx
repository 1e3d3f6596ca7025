import { Suspense } from 'react';
import { Authenticated, CanAccess } from '@refinedev/core';
import { ThemedLayout, ThemedTitle } from '@refinedev/antd';
import { CatchAllNavigate } from '@refinedev/react-router';
import { Outlet } from 'react-router';
import { Spin } from 'antd';
import { DatabaseOutlined } from '@ant-design/icons';
import { ConsoleHeader } from './console-header';
import { lazyPage } from './lazy-page';
import { LiveStreamConnection } from './live-stream-connection';

const Title = ({ collapsed }: { collapsed: boolean }) => (
  <ThemedTitle collapsed={collapsed} text="Integration Builder" icon={<DatabaseOutlined />} />
);

const Forbidden = lazyPage(() => import('./not-allowed'), 'Forbidden');

/** While a page's code loads, the menu and header stay where they are. */
const PageLoading = () => <Spin style={{ display: 'block', margin: '64px auto' }} />;

/** The frame of every page of a logged-in user: menu, header, the live stream, access control. */
export const ConsoleLayout = () => (
  <Authenticated key="console" fallback={<CatchAllNavigate to="/login" />}>
    <LiveStreamConnection />
    <ThemedLayout Title={Title} Header={ConsoleHeader}>
      <Suspense fallback={<PageLoading />}>
        <CanAccess fallback={<Forbidden />}>
          <Outlet />
        </CanAccess>
      </Suspense>
    </ThemedLayout>
  </Authenticated>
);
