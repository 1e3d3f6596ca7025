export { ConnectionsModule } from './connections.module';
export { ConnectionAccess } from './connection-access/connection-access';
export { OpenConnectors } from './connection-access/open-connectors';
export { ConnectionProbe, type ProbeResult } from './connection-access/connection-probe';
export { ConnectionViews, type ConnectionView } from './connection-queries/connection-views';
export { CONNECTIONS_VIEWS } from './connection-views.list';
export {
  type ConnectionRequestView,
  listConnectionRequests,
} from './connection-request-queries/connection-request-views';
export { ConnectionRequestRow } from './connection-request-queries/connection-requests.table';
export {
  DatabaseListSchema,
  TableListSchema,
  TableSchema,
} from './browse-connection/browse-connection.schema';
