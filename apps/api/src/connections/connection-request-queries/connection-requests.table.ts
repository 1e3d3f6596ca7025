import { type ConnectionDetails, type Provider } from '@ib/domain';
import { defineEntity, p } from '@mikro-orm/libsql';
import { type ConnectionRequestStatus } from './connection-requests.projection';

/**
 * The table of the connection requests view (one row per ConnectionRequestView, property = field). The
 * read model's migrations create it; read-model-orm.spec.ts checks this description against them.
 */
export const ConnectionRequestRow = defineEntity({
  name: 'ConnectionRequestRow',
  tableName: 'connection_requests',
  properties: {
    id: p.string().primary(),
    environment: p.string(),
    name: p.string(),
    provider: p.string().$type<Provider>(),
    details: p.json<ConnectionDetails>(),
    note: p.text().nullable(),
    status: p.string().$type<ConnectionRequestStatus>(),
    requestedBy: p.string(),
    requestedAt: p.string(),
    decidedBy: p.string().nullable(),
    decidedAt: p.string().nullable(),
    reason: p.text().nullable(),
    connectionId: p.string().nullable(),
    version: p.integer(),
  },
  indexes: [
    { properties: ['environment', 'requestedAt'] },
    { properties: ['requestedBy', 'requestedAt'] },
    { properties: ['requestedAt'] },
  ],
});
