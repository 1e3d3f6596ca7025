import { type ProjectedView } from '../infrastructure/read-model/projection-runner';
import { changeRequestsProjection } from './change-request-queries/change-requests.projection';
import { ChangeRequestRow } from './change-request-queries/change-requests.table';

/** The views this context owns, each projection with its table, for the app shell to hand to the read model. */
export const GOVERNANCE_VIEWS: readonly ProjectedView[] = [
  { projection: changeRequestsProjection, entity: ChangeRequestRow },
];
