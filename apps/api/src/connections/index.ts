export { ConnectionsModule } from './connections.module';
export { ConnectionAccess } from './connection-access/connection-access';
export { OpenConnectors } from './connection-access/open-connectors';
export { ConnectionViews, type ConnectionView } from './connection-queries/connection-views';
export { CONNECTIONS_VIEWS } from './connection-views.list';
