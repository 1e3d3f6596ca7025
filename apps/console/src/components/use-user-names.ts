import { useCan, useGetIdentity, useList } from '@refinedev/core';
import type { Identity } from '../providers/auth-provider';
import type { UserView } from '../types';

/**
 * Records name their users by id (`requestedBy`, `createdBy`...). Show the username wherever the
 * viewer may know it: their own, and every user to an administrator; otherwise the id stays.
 */
export const useUserNames = (): ((id?: string) => string) => {
  const { data: identity } = useGetIdentity<Identity>();
  const { data: mayList } = useCan({ resource: 'users', action: 'list' });
  const { result } = useList<UserView>({
    resource: 'users',
    pagination: { mode: 'off' },
    queryOptions: { enabled: mayList?.can === true },
  });
  const names = new Map(result.data.map((user) => [user.id, user.username]));
  if (identity) names.set(identity.id, identity.username);
  return (id) => (id === undefined ? '' : (names.get(id) ?? id));
};
