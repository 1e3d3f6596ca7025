import { dependenciesProjection } from './dependencies.projection';
import { deploymentsProjection } from './deployments.projection';
import { integrationDependencyStatesProjection } from './integration-dependency-states.projection';
import { type Projection } from '../../infrastructure/read-model/projection';
import { publicationsProjection } from './publications.projection';
import { republishRunsProjection } from './republish-runs.projection';

export * from '../../infrastructure/read-model/projection';
export * from './publications.projection';
export * from './deployments.projection';
export * from './integration-dependency-states.projection';
export * from './dependencies.projection';
export * from './republish-runs.projection';

/** The views the read model still defines itself; contexts that own theirs (connections, integrations) add them in app.views.ts. */
export const READ_MODEL_PROJECTIONS: readonly Projection[] = [
  publicationsProjection,
  deploymentsProjection,
  integrationDependencyStatesProjection,
  dependenciesProjection,
  republishRunsProjection,
];
