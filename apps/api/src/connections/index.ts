export { ConnectionsModule } from './connections.module';
export { ConnectionAccess } from './connection-access/connection-access';
export { OpenConnectors } from './connection-access/open-connectors';
