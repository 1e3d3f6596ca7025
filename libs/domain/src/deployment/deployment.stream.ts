/** One stream per integration holds its deployments and bindings in every environment. */
export const integrationDeploymentsStreamId = (integrationId: string): string =>
  `integration-deployments-${integrationId}`;
