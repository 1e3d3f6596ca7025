import { type ProjectedView } from '../infrastructure/read-model/projection-runner';
import { integrationsProjection } from './integration-queries/integrations.projection';
import { IntegrationRow } from './integration-queries/integrations.table';

/** The views this context owns, each projection with its table, for the app shell to hand to the read model. */
export const INTEGRATIONS_VIEWS: readonly ProjectedView[] = [
  { projection: integrationsProjection, entity: IntegrationRow },
];
