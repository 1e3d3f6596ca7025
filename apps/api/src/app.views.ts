import { CONNECTIONS_VIEWS } from './connections';
import { type ProjectedView } from './infrastructure/read-model/projection-runner';
import { IDENTITY_VIEWS } from './identity';
import { INTEGRATIONS_VIEWS } from './integrations';
import { READ_MODEL_VIEWS } from './read-model';

/**
 * Every view of the application, each projection with its table: the views a context owns (from its
 * face) and those the read model still defines itself. The ProjectionRunner keeps all of them and
 * the read model's ORM knows all their tables, whose migrations stay one sequence in read-model.
 */
export const APP_VIEWS: readonly ProjectedView[] = [
  ...READ_MODEL_VIEWS,
  ...CONNECTIONS_VIEWS,
  ...INTEGRATIONS_VIEWS,
  ...IDENTITY_VIEWS,
];
