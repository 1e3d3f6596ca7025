import { type ProjectedView } from '../infrastructure/read-model/projection-runner';
import { dependenciesProjection } from './dependencies/dependency-queries/dependencies.projection';
import {
  DependencyRow,
  IntegrationDependencyStateRow,
} from './dependencies/dependency-queries/dependencies.table';
import { integrationDependencyStatesProjection } from './dependencies/dependency-queries/integration-dependency-states.projection';
import { deploymentsProjection } from './deployments/deployment-queries/deployments.projection';
import { DeploymentRow } from './deployments/deployment-queries/deployments.table';
import { publicationsProjection } from './publications/publication-queries/publications.projection';
import { PublicationRow } from './publications/publication-queries/publications.table';
import { republishRunsProjection } from './republish/republish-queries/republish-runs.projection';
import { RepublishRunRow } from './republish/republish-queries/republish-runs.table';
import {
  environmentDriftChecksProjection,
  schemaDriftProjection,
} from './schema-drift/drift-queries/schema-drift.projection';
import { EnvironmentDriftCheckRow, SchemaDriftRow } from './schema-drift/drift-queries/schema-drift.table';

/** The views this context owns, each projection with its table, for the app shell to hand to the read model. */
export const PUBLISHING_VIEWS: readonly ProjectedView[] = [
  { projection: publicationsProjection, entity: PublicationRow },
  { projection: deploymentsProjection, entity: DeploymentRow },
  { projection: integrationDependencyStatesProjection, entity: IntegrationDependencyStateRow },
  { projection: dependenciesProjection, entity: DependencyRow },
  { projection: republishRunsProjection, entity: RepublishRunRow },
  { projection: schemaDriftProjection, entity: SchemaDriftRow },
  { projection: environmentDriftChecksProjection, entity: EnvironmentDriftCheckRow },
];
