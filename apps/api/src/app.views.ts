import { CONNECTIONS_VIEWS } from './connections';
import { GOVERNANCE_VIEWS } from './governance';
import { type ProjectedView } from './infrastructure/read-model/projection-runner';
import { IDENTITY_VIEWS } from './identity';
import { INTEGRATIONS_VIEWS } from './integrations';
import { PUBLISHING_VIEWS } from './publishing';

/**
 * Every view of the application, each projection with its table, as the contexts that own them
 * export them from their faces. The ProjectionRunner keeps all of them and the read model's ORM knows
 * all their tables, whose migrations stay one sequence in read-model.
 */
export const APP_VIEWS: readonly ProjectedView[] = [
  ...CONNECTIONS_VIEWS,
  ...INTEGRATIONS_VIEWS,
  ...PUBLISHING_VIEWS,
  ...IDENTITY_VIEWS,
  ...GOVERNANCE_VIEWS,
];
