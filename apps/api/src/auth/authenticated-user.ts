import { ForbiddenError, type Role, type RoleGrant } from '@ib/domain';

/**
 * Who is calling, from a verified token; `environment` is the one they logged in to. An app calling
 * with an API key is a developer of the key's environment, named after the app, with `apiKey` set.
 */
export type AuthenticatedUser = Readonly<{
  id: string;
  username: string;
  roles: readonly RoleGrant[];
  environment: string;
  apiKey?: Readonly<{ keyId: string; appName: string }>;
}>;

/** Per-request facts that go into every event's metadata. */
export type Actor = Readonly<{ userId: string; correlationId: string; causationId: string }>;

export const rolesIn = (user: AuthenticatedUser, environment: string): Role[] =>
  user.roles.filter((grant) => grant.environment === environment).map((grant) => grant.role);

export const environmentsOf = (user: AuthenticatedUser): string[] => [
  ...new Set(user.roles.map((grant) => grant.environment)),
];

export const isAdminIn = (user: AuthenticatedUser, environment: string) =>
  rolesIn(user, environment).includes('admin');

/** A developer may build; an administrator may do all a developer does. */
export function assertMemberOf(user: AuthenticatedUser, environment: string): void {
  if (rolesIn(user, environment).length === 0)
    throw new ForbiddenError(
      'AUTH.NO_ACCESS_TO_ENVIRONMENT',
      `You have no role in environment '${environment}'`,
    );
}

export function assertAdminOf(user: AuthenticatedUser, environment: string): void {
  if (!isAdminIn(user, environment))
    throw new ForbiddenError(
      'AUTH.ADMIN_REQUIRED',
      `This needs the admin role in environment '${environment}'`,
    );
}

export const isAdminAnywhere = (user: AuthenticatedUser) =>
  user.roles.some((grant) => grant.role === 'admin');
