import { type Integration } from '@ib/domain';
import { type AuthenticatedUser, type EnvironmentAccess } from '../identity';

/**
 * The metadata of a builder command on an existing integration, once the caller may build in its
 * environment: its events are recorded in that environment. An unknown integration passes, for the
 * decider to answer 404.
 */
export async function builderMetadata(
  environments: EnvironmentAccess,
  user: AuthenticatedUser,
  integrationId: string,
  state: Integration,
): Promise<{ environment?: string }> {
  if (state.status === 'none') return {};
  await environments.assertIntegrationBuilder(user, integrationId, state.environment);
  return { environment: state.environment };
}
