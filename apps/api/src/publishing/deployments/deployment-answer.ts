import { type IntegrationDeployments, deploymentIn } from '@ib/domain';
import { type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { type DeploymentSchema } from './deployment.schema';

/** What serves the integration in `environment` once a promotion or a binding ran, from the state it left. */
export const deploymentAnswer = (
  integrationId: string,
  environment: string,
  { state, version }: CommandOutcome<IntegrationDeployments>,
) =>
  ({
    integrationId,
    environment,
    ...deploymentIn(state, environment),
    streamVersion: version,
  }) as DeploymentSchema;
