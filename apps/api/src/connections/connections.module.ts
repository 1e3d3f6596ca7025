import { Module } from '@nestjs/common';
import { GovernanceModule } from '../governance';
import { IdentityModule } from '../identity';
import { BrowseConnectionController } from './browse-connection/browse-connection.http';
import {
  DescribeTableHandler,
  ListDatabasesHandler,
  ListTablesHandler,
  TestConnectionHandler,
} from './browse-connection/browse-connection.queries';
import { ConnectionAccess } from './connection-access/connection-access';
import { OpenConnectors } from './connection-access/open-connectors';
import { ConnectionProbe } from './connection-access/connection-probe';
import {
  ConnectionQueriesController,
  GetConnectionHandler,
  ListConnectionsHandler,
} from './connection-queries/connection-queries.http';
import { ConnectionViews } from './connection-queries/connection-views';
import {
  ConnectionRequestQueriesController,
  GetConnectionRequestHandler,
  ListConnectionRequestsHandler,
} from './connection-request-queries/connection-request-queries.http';
import { ConnectionRequestViews } from './connection-request-queries/connection-request-views';
import { ConnectionHistoryController } from './connection-history/connection-history.http';
import {
  GetConnectionHistoryHandler,
  GetPastConnectionHandler,
} from './connection-history/connection-history.queries';
import { ConnectionRequestHistoryController } from './connection-request-history/connection-request-history.http';
import {
  GetConnectionRequestHistoryHandler,
  GetPastConnectionRequestHandler,
} from './connection-request-history/connection-request-history.queries';
import { ChangeConnectionHandler } from './change-connection/change-connection.command';
import { ChangeConnectionController } from './change-connection/change-connection.http';
import { ConnectionBindings } from './connection-bindings/connection-bindings';
import { CreateConnectionHandler } from './create-connection/create-connection.command';
import { CreateConnectionController } from './create-connection/create-connection.http';
import { ApprovedRequestReactor } from './decide-connection-request/approved-request.reactor';
import { ConnectionFromRequest } from './decide-connection-request/connection-from-request';
import { DecideConnectionRequestHandler } from './decide-connection-request/decide-connection-request.command';
import { DecideConnectionRequestController } from './decide-connection-request/decide-connection-request.http';
import { DeleteConnectionHandler } from './delete-connection/delete-connection.command';
import { DeleteConnectionController } from './delete-connection/delete-connection.http';
import { RequestConnectionHandler } from './request-connection/request-connection.command';
import { RequestConnectionController } from './request-connection/request-connection.http';
import { RotateConnectionPasswordHandler } from './rotate-connection-password/rotate-connection-password.command';
import { RotateConnectionPasswordController } from './rotate-connection-password/rotate-connection-password.http';
import { SecretShreddingReactor } from './secret-shredding/secret-shredding.reactor';
import { TestConnectionRequestController } from './test-connection-request/test-connection-request.http';
import { TestConnectionRequestHandler } from './test-connection-request/test-connection-request.query';
import { ConnectionChangeChecks } from './four-eyes/connection-change-checks';
import { ConnectionChangeExecutors } from './four-eyes/connection-change-executors';

/**
 * Connections to external databases (created, changed, rotated, deleted, their secrets destroyed once
 * released), the requests for them and their approval, and browsing them.
 */
@Module({
  imports: [IdentityModule, GovernanceModule],
  controllers: [
    ConnectionQueriesController,
    ConnectionHistoryController,
    CreateConnectionController,
    ChangeConnectionController,
    RotateConnectionPasswordController,
    DeleteConnectionController,
    BrowseConnectionController,
    ConnectionRequestQueriesController,
    ConnectionRequestHistoryController,
    RequestConnectionController,
    DecideConnectionRequestController,
    TestConnectionRequestController,
  ],
  providers: [
    ConnectionAccess,
    OpenConnectors,
    ConnectionProbe,
    ConnectionViews,
    ConnectionRequestViews,
    ConnectionFromRequest,
    ApprovedRequestReactor,
    SecretShreddingReactor,
    ConnectionBindings,
    ConnectionChangeChecks,
    ConnectionChangeExecutors,
    CreateConnectionHandler,
    ChangeConnectionHandler,
    RotateConnectionPasswordHandler,
    DeleteConnectionHandler,
    ListConnectionsHandler,
    GetConnectionHandler,
    TestConnectionHandler,
    ListDatabasesHandler,
    ListTablesHandler,
    DescribeTableHandler,
    RequestConnectionHandler,
    DecideConnectionRequestHandler,
    TestConnectionRequestHandler,
    ListConnectionRequestsHandler,
    GetConnectionRequestHandler,
    GetConnectionHistoryHandler,
    GetPastConnectionHandler,
    GetConnectionRequestHistoryHandler,
    GetPastConnectionRequestHandler,
  ],
  exports: [ConnectionAccess, OpenConnectors, ConnectionViews, ConnectionProbe],
})
export class ConnectionsModule {}
