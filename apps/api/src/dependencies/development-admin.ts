import { ForbiddenError } from '@ib/domain';
import { assertAdminOf, type AuthenticatedUser } from '../auth/authenticated-user';
import { type EnvironmentAccess } from '../environments/environment-access/environment-access';

/**
 * Runtime dependencies are installed for the builder, so their updates and the republish they call
 * for are decided by an administrator of the development environment the caller is logged in to.
 */
export async function assertDevelopmentAdmin(
  user: AuthenticatedUser,
  environments: EnvironmentAccess,
): Promise<void> {
  assertAdminOf(user, user.environment);
  const kind = await environments.kindOf(user.environment);
  if (kind !== 'development')
    throw new ForbiddenError(
      'AUTH.DEVELOPMENT_ADMIN_REQUIRED',
      `This needs the admin role in a development environment; '${user.environment}' is ${kind}`,
    );
}
