import { ForbiddenError, type Role, type RoleGrant } from '@ib/domain';
import { type AuthenticatedUser } from './authenticated-user';
import { type ViewCondition } from '../../infrastructure/read-model/view-store';

/**
 * Who may do what, written once. Every handler and query asks `authorize` (or `allows`, to filter a
 * list) with the action and the environment the resource lives in; nothing else inspects role grants.
 *
 * - Environment roles: a developer builds and uses what lives in their environment; an administrator
 *   may do all a developer does there and manages it (connections, requests, users' grants, API keys,
 *   promotion and bindings into it, its runtime dependencies).
 * - An auditor reads what lives in their environment (its audit log, histories and past states
 *   included) and changes nothing; administrators read the audit log of their environments too.
 * - The installation role `owner` creates environments and runs the operations of the whole
 *   installation (projections); it grants no right inside an environment by itself, except reading
 *   the audit log of every environment.
 */
export type Action =
  | 'environment.create'
  | 'environment.read'
  | 'environment.policy'
  | 'change-request.decide'
  | 'user.grant'
  | 'user.grant-owner'
  | 'user.read'
  | 'integration.read'
  | 'integration.build'
  | 'connection.read'
  | 'connection.create'
  | 'connection.use'
  | 'connection-request.create'
  | 'connection-request.read-all'
  | 'connection-request.decide'
  | 'publication.read'
  | 'deployment.promote'
  | 'deployment.bind'
  | 'api-key.manage'
  | 'dependency.read'
  | 'dependency.install'
  | 'republish.start'
  | 'drift.check'
  | 'data.access'
  | 'operations.read'
  | 'operations.rebuild'
  | 'audit.read';

/** reader: any role there; member: developer or admin; auditor: auditor or admin (or the owner). */
type Need = 'reader' | 'member' | 'admin' | 'auditor' | 'owner';

const NEEDS: Readonly<Record<Action, Need>> = {
  'environment.create': 'owner',
  'environment.read': 'reader',
  'environment.policy': 'admin',
  'change-request.decide': 'admin',
  'user.grant': 'admin',
  'user.grant-owner': 'owner',
  'user.read': 'admin',
  'integration.read': 'reader',
  'integration.build': 'member',
  'connection.read': 'reader',
  'connection.create': 'admin',
  'connection.use': 'member',
  'connection-request.create': 'member',
  'connection-request.read-all': 'admin',
  'connection-request.decide': 'admin',
  'publication.read': 'reader',
  'deployment.promote': 'admin',
  'deployment.bind': 'admin',
  'api-key.manage': 'admin',
  'dependency.read': 'reader',
  'dependency.install': 'admin',
  'republish.start': 'admin',
  'drift.check': 'admin',
  'data.access': 'member',
  'operations.read': 'owner',
  'operations.rebuild': 'owner',
  'audit.read': 'auditor',
};

const BUILDERS: readonly Role[] = ['developer', 'admin'];
const AUDITORS: readonly Role[] = ['auditor', 'admin'];

export const rolesIn = (user: AuthenticatedUser, environment: string): Role[] =>
  user.roles.filter((grant) => grant.environment === environment).map((grant) => grant.role);

/** The environments the user holds any role in. */
export const environmentsOf = (user: AuthenticatedUser): string[] => [
  ...new Set(user.roles.map((grant) => grant.environment)),
];

/** Whether `user` may take `action` on something of `environment` (ignored by installation actions). */
export function allows(user: AuthenticatedUser, action: Action, environment?: string): boolean {
  switch (NEEDS[action]) {
    case 'owner':
      return user.owner;
    case 'admin':
      return environment !== undefined && rolesIn(user, environment).includes('admin');
    case 'auditor':
      return user.owner || holdsOneOf(user, environment, AUDITORS);
    case 'member':
      return holdsOneOf(user, environment, BUILDERS);
    case 'reader':
      return environment !== undefined && rolesIn(user, environment).length > 0;
  }
}

const holdsOneOf = (user: AuthenticatedUser, environment: string | undefined, roles: readonly Role[]) =>
  environment !== undefined && rolesIn(user, environment).some((role) => roles.includes(role));

/** Throws the 403 that names what is missing unless `user` may take `action` in `environment`. */
export function authorize(user: AuthenticatedUser, action: Action, environment?: string): void {
  if (allows(user, action, environment)) return;
  switch (NEEDS[action]) {
    case 'owner':
      throw new ForbiddenError('AUTH.OWNER_REQUIRED', 'This needs the owner role of the installation');
    case 'admin':
      throw new ForbiddenError(
        'AUTH.ADMIN_REQUIRED',
        `This needs the admin role in environment '${environment ?? '?'}'`,
      );
    case 'auditor':
      throw new ForbiddenError(
        'AUTH.AUDITOR_REQUIRED',
        `This needs the auditor or admin role in environment '${environment ?? '?'}'`,
      );
    case 'member':
    case 'reader':
      if (environment !== undefined && rolesIn(user, environment).length > 0)
        throw new ForbiddenError(
          'AUTH.READ_ONLY_ROLE',
          `Your role in environment '${environment}' reads and changes nothing`,
        );
      throw new ForbiddenError(
        'AUTH.NO_ACCESS_TO_ENVIRONMENT',
        `You have no role in environment '${environment ?? '?'}'`,
      );
  }
}

/**
 * A user is seen by themselves, by owners, and by the administrators of an environment where they
 * hold a role; to anyone else they do not exist. `usersSeenBy` is the same rule as a condition on the
 * users view: change them together.
 */
export const maySeeUser = (
  user: AuthenticatedUser,
  seen: Readonly<{ id: string; roles: readonly RoleGrant[] }>,
): boolean =>
  user.id === seen.id ||
  user.owner ||
  seen.roles.some((grant) => allows(user, 'user.read', grant.environment));

/**
 * Who manages users at all: owners, and the administrators of some environment. Anyone else is refused
 * (403) before any user is looked up, as when they list users.
 */
export function authorizeUserAdministration(user: AuthenticatedUser): void {
  if (user.owner) return;
  const [administered] = environmentsAllowing(user, 'user.read');
  authorize(user, 'user.read', administered ?? user.environment);
}

/**
 * Changing what belongs to another user as a whole (their e-mail address): it is theirs in every
 * environment they hold a role in, so it needs the administrator of each (`user.grant`, as changing
 * their grants there would), and an owner's also needs an owner, as granting that role does.
 */
export function authorizeUserChange(
  user: AuthenticatedUser,
  changed: Readonly<{ roles: readonly RoleGrant[]; owner: boolean }>,
): void {
  for (const environment of new Set(changed.roles.map((grant) => grant.environment)))
    authorize(user, 'user.grant', environment);
  if (changed.owner) authorize(user, 'user.grant-owner');
}

/** `maySeeUser` as conditions on the users view (its `id` and `roles` fields), so a page and its total obey it. */
export const usersSeenBy = (user: AuthenticatedUser): readonly ViewCondition[] =>
  user.owner
    ? []
    : [
        {
          anyOf: [
            { field: 'id', equals: user.id },
            {
              field: 'roles',
              hasElementWhere: { property: 'environment', in: environmentsAllowing(user, 'user.read') },
            },
          ],
        },
      ];

/** The environments among `environments` where `user` may take `action`. */
export const environmentsAllowing = (
  user: AuthenticatedUser,
  action: Action,
  environments: readonly string[] = environmentsOf(user),
): string[] => environments.filter((environment) => allows(user, action, environment));

/**
 * Who reads an object's history and past states (`GET .../:id/history`, `?asOf=`, `?version=`), given
 * the environments it lives in and whether its own read rule lets `user` read it now (`readsItNow`):
 * - whoever reads the object now reads its past too: a developer looks back over what they build, as
 *   in any editor's version history. Its past holds nothing of another environment and no secret, only
 *   earlier values of what they read now, and who changed them;
 * - the auditors and administrators of its environment, and owners (`audit.read`), read the past of
 *   every object there, also of one its read rule hides from them now (another user's connection
 *   request, the grants a user held there, a deleted connection). An object of no environment: owners.
 * To anyone else it does not exist (404), as when they read it.
 */
export const mayReadPast = (
  user: AuthenticatedUser,
  environments: readonly string[],
  readsItNow: boolean,
): boolean =>
  readsItNow ||
  (environments.length === 0
    ? allows(user, 'audit.read')
    : environments.some((environment) => allows(user, 'audit.read', environment)));
