import type { AccessControlProvider } from '@refinedev/core';
import { hasRole, readSession } from './session';

/** Actions only an administrator of the environment may take; everything else is open to developers. */
const ADMIN_ONLY: Record<string, readonly string[]> = {
  users: ['create'],
  connections: ['create', 'edit', 'delete'],
  'connection-requests': ['approve', 'reject', 'test'],
  deployments: ['promote', 'bind', 'unbind'],
  // A change request is decided by an administrator of its environment (never its requester: the API says so).
  'change-requests': ['approve', 'reject'],
  // Runtime dependencies belong to the builder: an administrator of a development environment decides.
  dependencies: ['install', 'republish'],
};

/** Pages for administrators of any environment; each action then names its environment. */
const ADMIN_ANYWHERE: Record<string, readonly string[]> = {
  'api-keys': ['list'],
  users: ['list'],
};

/** What the audit log tells: for auditors and administrators of any environment (each sees theirs), and owners. */
const AUDITOR_ANYWHERE: Record<string, readonly string[]> = {
  audit: ['list'],
  // A user's page: an auditor reads the history of the users of their environments.
  users: ['show'],
};

/** The installation's own actions: for its owners. */
const OWNER_ONLY: Record<string, readonly string[]> = {
  environments: ['create'],
  projections: ['list'],
};

/**
 * The approvals inbox and the change requests: for those who may decide something somewhere, and owners
 * (whose home it is).
 */
const INBOX: Record<string, readonly string[]> = { approvals: ['list'], 'change-requests': ['list'] };

export const accessControlProvider: AccessControlProvider = {
  can: async ({ resource, action, params }) => {
    const session = readSession();
    if (resource && INBOX[resource]?.includes(action))
      return session?.user.owner === true || session?.user.roles.some(({ role }) => role === 'admin')
        ? { can: true }
        : { can: false, reason: 'Only an administrator decides what waits here' };
    if (resource && OWNER_ONLY[resource]?.includes(action))
      return session?.user.owner === true
        ? { can: true }
        : { can: false, reason: 'Only an owner of the installation can do this' };
    // Owners see every user; administrators the users of their environments.
    if (resource === 'users' && session?.user.owner === true && ADMIN_ANYWHERE.users.includes(action))
      return { can: true };
    if (resource && AUDITOR_ANYWHERE[resource]?.includes(action))
      return session?.user.owner === true ||
        session?.user.roles.some(({ role }) => role === 'auditor' || role === 'admin')
        ? { can: true }
        : { can: false, reason: 'Only an auditor or administrator can do this' };
    if (resource && ADMIN_ANYWHERE[resource]?.includes(action))
      return session?.user.roles.some(({ role }) => role === 'admin')
        ? { can: true }
        : { can: false, reason: 'Only an administrator can do this' };
    if (!resource || !ADMIN_ONLY[resource]?.includes(action)) return { can: true };
    const environment = (params?.environment as string | undefined) ?? session?.environment;
    return hasRole(session?.user, 'admin', environment)
      ? { can: true }
      : { can: false, reason: 'Only an administrator of this environment can do this' };
  },
  options: { buttons: { enableAccessControl: true, hideIfUnauthorized: true } },
};
