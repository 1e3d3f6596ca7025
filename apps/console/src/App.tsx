import { Authenticated, CanAccess, Refine } from '@refinedev/core';
import { ErrorComponent, RefineThemes, ThemedLayout, ThemedTitle } from '@refinedev/antd';
import routerProvider, { CatchAllNavigate, DocumentTitleHandler } from '@refinedev/react-router';
import { BrowserRouter, Navigate, Outlet, Route, Routes } from 'react-router';
import { App as AntdApp, ConfigProvider, Result } from 'antd';
import { DatabaseOutlined } from '@ant-design/icons';
import { ConsoleHeader } from './components/console-header';
import { LiveStreamConnection } from './components/live-stream-connection';
import { ChangePasswordPage } from './components/change-password-page';
import { LoginPage } from './components/login-page';
import { accessControlProvider } from './providers/access-control-provider';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { liveProvider } from './providers/live-provider';
import { useConsoleNotifications } from './providers/notification-provider';
import { homePath, readSession } from './providers/session';
import { resources } from './resources';
import { ApiKeyList } from './resources/api-keys/list';
import { ApprovalList } from './resources/approvals/list';
import { AuditList } from './resources/audit/list';
import { ChangeRequestList } from './resources/change-requests/list';
import { ChangeRequestShow } from './resources/change-requests/show';
import { ConnectionRequestCreate } from './resources/connection-requests/create';
import { ConnectionRequestList } from './resources/connection-requests/list';
import { ConnectionRequestShow } from './resources/connection-requests/show';
import { ConnectionCreate } from './resources/connections/create';
import { ConnectionList } from './resources/connections/list';
import { ConnectionShow } from './resources/connections/show';
import { DependencyList } from './resources/dependencies/list';
import { EnvironmentCreate } from './resources/environments/create';
import { EnvironmentList } from './resources/environments/list';
import { EnvironmentShow } from './resources/environments/show';
import { IntegrationCreate } from './resources/integrations/create';
import { IntegrationList } from './resources/integrations/list';
import { IntegrationShow } from './resources/integrations/show';
import { ProfilePage } from './resources/profile/profile-page';
import { ProjectionList } from './resources/projections/list';
import { UserCreate } from './resources/users/create';
import { UserList } from './resources/users/list';
import { UserShow } from './resources/users/show';

const Title = ({ collapsed }: { collapsed: boolean }) => (
  <ThemedTitle collapsed={collapsed} text="Integration Builder" icon={<DatabaseOutlined />} />
);

/** A 4xx will not change on retry (a 401 must reach the auth provider at once); a 503 may. */
const retry = (failures: number, error: unknown) =>
  failures < 2 && ((error as { statusCode?: number }).statusCode ?? 500) >= 500;

const Forbidden = () => <Result status="403" title="Administrators only" />;

/** The home page of whoever is logged in (read when shown: the session is written at login). */
const Home = () => <Navigate to={homePath(readSession())} replace />;

const Console = () => (
  <Authenticated key="console" fallback={<CatchAllNavigate to="/login" />}>
    <LiveStreamConnection />
    <ThemedLayout Title={Title} Header={ConsoleHeader}>
      <CanAccess fallback={<Forbidden />}>
        <Outlet />
      </CanAccess>
    </ThemedLayout>
  </Authenticated>
);

const Public = () => (
  <Authenticated key="public" fallback={<Outlet />}>
    <Home />
  </Authenticated>
);

/**
 * Router updates stay synchronous: inside a transition, the logout's navigation to /login lands after
 * the auth check already failed on the old page, so the login page came up with `?to=<that page>`
 * and the next user (maybe not an administrator) was sent back to it.
 */
export const App = () => (
  <BrowserRouter useTransitions={false}>
    <ConfigProvider theme={RefineThemes.Blue}>
      <AntdApp>
        <Refine
          dataProvider={dataProvider}
          authProvider={authProvider}
          liveProvider={liveProvider}
          accessControlProvider={accessControlProvider}
          routerProvider={routerProvider}
          notificationProvider={useConsoleNotifications}
          resources={resources}
          options={{
            syncWithLocation: true,
            disableTelemetry: true,
            // Lists and pages follow the event stream: what changes shows without a reload or polling.
            liveMode: 'auto',
            title: { text: 'Integration Builder' },
            reactQuery: { clientConfig: { defaultOptions: { queries: { retry } } } },
          }}
        >
          <Routes>
            <Route element={<Console />}>
              <Route index element={<Home />} />
              <Route path="/approvals" element={<ApprovalList />} />
              <Route path="/profile" element={<ProfilePage />} />
              <Route path="/integrations">
                <Route index element={<IntegrationList />} />
                <Route path="create" element={<IntegrationCreate />} />
                <Route path="edit/:id" element={<IntegrationCreate />} />
                <Route path="show/:id" element={<IntegrationShow />} />
              </Route>
              <Route path="/connections">
                <Route index element={<ConnectionList />} />
                <Route path="create" element={<ConnectionCreate />} />
                <Route path="show/:id" element={<ConnectionShow />} />
              </Route>
              <Route path="/connection-requests">
                <Route index element={<ConnectionRequestList />} />
                <Route path="create" element={<ConnectionRequestCreate />} />
                <Route path="show/:id" element={<ConnectionRequestShow />} />
              </Route>
              <Route path="/change-requests">
                <Route index element={<ChangeRequestList />} />
                <Route path="show/:id" element={<ChangeRequestShow />} />
              </Route>
              <Route path="/environments">
                <Route index element={<EnvironmentList />} />
                <Route path="create" element={<EnvironmentCreate />} />
                <Route path="show/:id" element={<EnvironmentShow />} />
              </Route>
              <Route path="/users">
                <Route index element={<UserList />} />
                <Route path="create" element={<UserCreate />} />
                <Route path="show/:id" element={<UserShow />} />
              </Route>
              <Route path="/api-keys" element={<ApiKeyList />} />
              <Route path="/dependencies" element={<DependencyList />} />
              <Route path="/projections" element={<ProjectionList />} />
              <Route path="/audit" element={<AuditList />} />
              <Route path="*" element={<ErrorComponent />} />
            </Route>
            <Route element={<Public />}>
              <Route path="/login" element={<LoginPage />} />
            </Route>
            <Route path="/change-password" element={<ChangePasswordPage />} />
          </Routes>
          <DocumentTitleHandler />
        </Refine>
      </AntdApp>
    </ConfigProvider>
  </BrowserRouter>
);
