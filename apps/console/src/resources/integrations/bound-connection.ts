import type { Deployment } from '../../types';

/** The connection bound in the deployment's environment, if any. */
export const boundConnection = (deployment: Deployment): string | undefined =>
  deployment.binding?.connectionId;

/** What the deployments must show after a write, for the list to be read again until they do. */
export type DeploymentsShow = (deployments: Deployment[]) => boolean;
