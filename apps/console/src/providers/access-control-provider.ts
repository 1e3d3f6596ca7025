import type { AccessControlProvider } from '@refinedev/core';
import { hasRole, readSession } from './session';

/** Actions only an administrator of the environment may take; everything else is open to developers. */
const ADMIN_ONLY: Record<string, readonly string[]> = {
  users: ['list', 'create', 'show'],
  environments: ['create'],
  connections: ['create'],
  'connection-requests': ['approve', 'reject'],
};

export const accessControlProvider: AccessControlProvider = {
  can: async ({ resource, action, params }) => {
    if (!resource || !ADMIN_ONLY[resource]?.includes(action)) return { can: true };
    const session = readSession();
    const environment = (params?.environment as string | undefined) ?? session?.environment;
    return hasRole(session?.user, 'admin', environment)
      ? { can: true }
      : { can: false, reason: 'Only an administrator of this environment can do this' };
  },
  options: { buttons: { enableAccessControl: true, hideIfUnauthorized: true } },
};
