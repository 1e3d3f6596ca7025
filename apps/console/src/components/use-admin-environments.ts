import { useGetIdentity } from '@refinedev/core';
import type { Identity } from '../providers/auth-provider';
import { readSession } from '../providers/session';

/** The environments the user administers, from the roles of the session (refreshed by the identity). */
export const useAdminEnvironments = (): string[] => {
  const { data: identity } = useGetIdentity<Identity>();
  const roles = identity?.roles ?? readSession()?.user.roles ?? [];
  return [...new Set(roles.filter(({ role }) => role === 'admin').map(({ environment }) => environment))];
};
