import type { ResourceProps } from '@refinedev/core';
import { ApprovalsIcon } from './resources/approvals/approvals-icon';
import {
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  ClusterOutlined,
  SafetyCertificateOutlined,
  DashboardOutlined,
  KeyOutlined,
  NodeIndexOutlined,
  SendOutlined,
  TeamOutlined,
} from '@ant-design/icons';

/** The console's resources; their names are the API paths under /api (API keys live under each environment). */
export const resources: ResourceProps[] = [
  { name: 'approvals', list: '/approvals', meta: { label: 'Approvals', icon: <ApprovalsIcon /> } },
  {
    name: 'integrations',
    list: '/integrations',
    create: '/integrations/create',
    edit: '/integrations/edit/:id',
    show: '/integrations/show/:id',
    meta: { label: 'My integrations', icon: <AppstoreOutlined /> },
  },
  {
    name: 'connections',
    list: '/connections',
    create: '/connections/create',
    show: '/connections/show/:id',
    meta: { icon: <ApiOutlined /> },
  },
  {
    name: 'connection-requests',
    list: '/connection-requests',
    create: '/connection-requests/create',
    show: '/connection-requests/show/:id',
    meta: { label: 'Connection requests', icon: <SendOutlined /> },
  },
  {
    name: 'change-requests',
    list: '/change-requests',
    show: '/change-requests/show/:id',
    meta: { label: 'Change requests', icon: <SafetyCertificateOutlined /> },
  },
  {
    name: 'environments',
    list: '/environments',
    create: '/environments/create',
    show: '/environments/show/:id',
    meta: { icon: <ClusterOutlined /> },
  },
  { name: 'api-keys', list: '/api-keys', meta: { label: 'API keys', icon: <KeyOutlined /> } },
  { name: 'dependencies', list: '/dependencies', meta: { icon: <NodeIndexOutlined /> } },
  {
    name: 'users',
    list: '/users',
    create: '/users/create',
    show: '/users/show/:id',
    meta: { icon: <TeamOutlined /> },
  },
  { name: 'audit', list: '/audit', meta: { label: 'Audit log', icon: <AuditOutlined /> } },
  {
    name: 'projections',
    list: '/projections',
    meta: { label: 'Operations', icon: <DashboardOutlined /> },
  },
];
