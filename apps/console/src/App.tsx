import { Suspense } from 'react';
import { Authenticated, Refine } from '@refinedev/core';
import routerProvider, { DocumentTitleHandler } from '@refinedev/react-router';
import { BrowserRouter, Navigate, Outlet, Route, Routes } from 'react-router';
import { App as AntdApp, ConfigProvider } from 'antd';
import { lazyPage } from './components/lazy-page';
import { SessionSync } from './components/session-sync';
import { accessControlProvider } from './providers/access-control-provider';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { liveProvider } from './providers/live-provider';
import { useNotificationProvider } from './providers/notification-provider';
import { homePath, readSession } from './providers/session';
import { resources } from './resources';

// Every page, and the console's frame, is a chunk of its own: the login page loads none of the others.
const ConsoleLayout = lazyPage(() => import('./components/console-layout'), 'ConsoleLayout');
const LoginPage = lazyPage(() => import('./components/login-page'), 'LoginPage');
const OneTimePasswordPage = lazyPage(
  () => import('./components/change-password-page'),
  'OneTimePasswordPage',
);
const ChangePasswordPage = lazyPage(() => import('./components/change-password-page'), 'ChangePasswordPage');
const NotFound = lazyPage(() => import('./components/not-allowed'), 'NotFound');
const ApiKeyList = lazyPage(() => import('./resources/api-keys/list'), 'ApiKeyList');
const ApprovalList = lazyPage(() => import('./resources/approvals/list'), 'ApprovalList');
const AuditList = lazyPage(() => import('./resources/audit/list'), 'AuditList');
const ChangeRequestList = lazyPage(() => import('./resources/change-requests/list'), 'ChangeRequestList');
const ChangeRequestShow = lazyPage(() => import('./resources/change-requests/show'), 'ChangeRequestShow');
const ConnectionRequestCreate = lazyPage(
  () => import('./resources/connection-requests/create'),
  'ConnectionRequestCreate',
);
const ConnectionRequestList = lazyPage(
  () => import('./resources/connection-requests/list'),
  'ConnectionRequestList',
);
const ConnectionRequestShow = lazyPage(
  () => import('./resources/connection-requests/show'),
  'ConnectionRequestShow',
);
const ConnectionCreate = lazyPage(() => import('./resources/connections/create'), 'ConnectionCreate');
const ConnectionList = lazyPage(() => import('./resources/connections/list'), 'ConnectionList');
const ConnectionShow = lazyPage(() => import('./resources/connections/show'), 'ConnectionShow');
const DependencyList = lazyPage(() => import('./resources/dependencies/list'), 'DependencyList');
const EnvironmentCreate = lazyPage(() => import('./resources/environments/create'), 'EnvironmentCreate');
const EnvironmentList = lazyPage(() => import('./resources/environments/list'), 'EnvironmentList');
const EnvironmentShow = lazyPage(() => import('./resources/environments/show'), 'EnvironmentShow');
const IntegrationCreate = lazyPage(() => import('./resources/integrations/create'), 'IntegrationCreate');
const IntegrationList = lazyPage(() => import('./resources/integrations/list'), 'IntegrationList');
const IntegrationShow = lazyPage(() => import('./resources/integrations/show'), 'IntegrationShow');
const ProfilePage = lazyPage(() => import('./resources/profile/profile-page'), 'ProfilePage');
const ProjectionList = lazyPage(() => import('./resources/projections/list'), 'ProjectionList');
const UserCreate = lazyPage(() => import('./resources/users/create'), 'UserCreate');
const UserList = lazyPage(() => import('./resources/users/list'), 'UserList');
const UserShow = lazyPage(() => import('./resources/users/show'), 'UserShow');

/** Refine's blue theme (`RefineThemes.Blue`), without importing '@refinedev/antd' into the first page. */
const THEME = { token: { colorPrimary: '#1677FF' } };

/** A 4xx will not change on retry (a 401 must reach the auth provider at once); a 503 may. */
const retry = (failures: number, error: unknown) =>
  failures < 2 && ((error as { statusCode?: number }).statusCode ?? 500) >= 500;

/** The home page of whoever is logged in (read when shown: the session is written at login). */
const Home = () => <Navigate to={homePath(readSession())} replace />;

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
    <ConfigProvider theme={THEME}>
      <AntdApp>
        <Refine
          dataProvider={dataProvider}
          authProvider={authProvider}
          liveProvider={liveProvider}
          accessControlProvider={accessControlProvider}
          routerProvider={routerProvider}
          notificationProvider={useNotificationProvider}
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
          <SessionSync />
          {/* Until the code of the console's frame or of a page outside it has loaded: an instant. */}
          <Suspense fallback={null}>
            <Routes>
              <Route element={<ConsoleLayout />}>
                <Route index element={<Home />} />
                <Route path="/approvals" element={<ApprovalList />} />
                <Route path="/profile" element={<ProfilePage />} />
                <Route path="/profile/password" element={<ChangePasswordPage />} />
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
                <Route path="*" element={<NotFound />} />
              </Route>
              <Route element={<Public />}>
                <Route path="/login" element={<LoginPage />} />
              </Route>
              <Route path="/change-password" element={<OneTimePasswordPage />} />
            </Routes>
          </Suspense>
          <DocumentTitleHandler />
        </Refine>
      </AntdApp>
    </ConfigProvider>
  </BrowserRouter>
);
