import { connectionRequestsProjection } from './connection-requests.projection';
import { connectionsProjection } from './connections.projection';
import { environmentsProjection } from './environments.projection';
import { integrationsProjection } from './integrations.projection';
import { type Projection } from './projection';
import { usersProjection } from './users.projection';

export * from './projection';
export * from './integrations.projection';
export * from './connections.projection';
export * from './connection-requests.projection';
export * from './environments.projection';
export * from './users.projection';

/** The Integration Manager read model: every view the API queries. */
export const READ_MODEL_PROJECTIONS: readonly Projection[] = [
  integrationsProjection,
  connectionsProjection,
  connectionRequestsProjection,
  environmentsProjection,
  usersProjection,
];
