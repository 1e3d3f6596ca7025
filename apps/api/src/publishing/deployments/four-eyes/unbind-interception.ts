import { FourEyes, type PendingChange } from '../../../governance';
import { type RequestContext } from '../../../identity';
import { type DeploymentChangeChecks } from './deployment-change-checks';

/**
 * For the unbind route (`DELETE /api/environments/:env/integrations/:id/connection`): the change
 * request it becomes where four-eyes is on, after the caller's rights are checked; undefined when it
 * unbinds at once. Its approval runs the executor registered for `unbind` (with the unbind command).
 */
export async function interceptUnbind(
  fourEyes: FourEyes,
  checks: DeploymentChangeChecks,
  context: RequestContext,
  environment: string,
  integrationId: string,
): Promise<PendingChange | undefined> {
  const { integrationName } = await checks.unbind(integrationId, environment, context);
  return fourEyes.intercept(
    context,
    environment,
    { kind: 'unbind', integrationId },
    { summary: `Unbind the connection of ${integrationName} in ${environment}` },
  );
}
