import { type ProjectedView } from '../infrastructure/read-model/projection-runner';
import { connectionsProjection } from './connection-queries/connections.projection';
import { ConnectionRow } from './connection-queries/connections.table';
import { connectionBindingsProjection } from './connection-bindings/connection-bindings.projection';
import { ConnectionBindingRow } from './connection-bindings/connection-bindings.table';
import { connectionRequestsProjection } from './connection-request-queries/connection-requests.projection';
import { ConnectionRequestRow } from './connection-request-queries/connection-requests.table';

/** The views this context owns, each projection with its table, for the app shell to hand to the read model. */
export const CONNECTIONS_VIEWS: readonly ProjectedView[] = [
  { projection: connectionsProjection, entity: ConnectionRow },
  { projection: connectionRequestsProjection, entity: ConnectionRequestRow },
  { projection: connectionBindingsProjection, entity: ConnectionBindingRow },
];
