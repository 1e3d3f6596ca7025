export { GovernanceModule } from './governance.module';
export { FourEyes, type PendingChange, pendingAnswer } from './four-eyes/four-eyes';
export { type ChangeExecutor, type ChangeSetting } from './four-eyes/change-executors';
export { PENDING_CHANGE_RESPONSE, PendingChangeSchema } from './four-eyes/pending-change.schema';
export { GOVERNANCE_VIEWS } from './change-request-views.list';
export { ChangeRequestRow } from './change-request-queries/change-requests.table';
export { type ChangeRequestView } from './change-request-queries/change-requests.projection';
export { listChangeRequests } from './change-request-queries/change-request-views';
