import { type RoleGrant } from '@ib/domain';

/**
 * Said on an answer to a bearer token that tells other rights than its user holds now. The API reads
 * the current rights on every request anyway; the header is for the client, whose menus were drawn
 * from the token's login answer: it refreshes its session (POST /api/auth/refresh) to learn them.
 */
export const SESSION_STALE_HEADER = 'X-Session-Stale';

/** Why a session is stale; `roles` is the only reason yet (role grants or the installation role). */
export type SessionStaleness = 'roles';

type Rights = Readonly<{ roles: readonly RoleGrant[]; owner: boolean }>;

const grantsOf = ({ roles }: Rights): Set<string> =>
  new Set(roles.map(({ environment, role }) => `${role}@${environment}`));

/**
 * `roles` when the rights a token was issued with are not the user's current ones, in any order;
 * otherwise undefined. A withdrawn right ends the user's sessions before it gets here, so in practice
 * this tells a role granted since the token was issued.
 */
export const stalenessOf = (token: Rights, current: Rights): SessionStaleness | undefined => {
  if (token.owner !== current.owner) return 'roles';
  const issued = grantsOf(token);
  const now = grantsOf(current);
  if (issued.size !== now.size) return 'roles';
  for (const grant of now) if (!issued.has(grant)) return 'roles';
  return undefined;
};
