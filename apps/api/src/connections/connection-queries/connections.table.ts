import { type ConnectionDetails, type Provider } from '@ib/domain';
import { defineEntity, p } from '@mikro-orm/libsql';

/**
 * The table of the connections view (one row per ConnectionView, property = field). The read model's
 * migrations create it; read-model-orm.spec.ts checks this description against them.
 */
export const ConnectionRow = defineEntity({
  name: 'ConnectionRow',
  tableName: 'connections',
  properties: {
    id: p.string().primary(),
    environment: p.string(),
    name: p.string(),
    provider: p.string().$type<Provider>(),
    details: p.json<ConnectionDetails>(),
    hasSecret: p.boolean(),
    createdBy: p.string(),
    createdAt: p.string(),
    requestId: p.string().nullable(),
    requestedBy: p.string().nullable(),
    deleted: p.boolean(),
    version: p.integer(),
  },
  indexes: [{ properties: ['environment', 'name'] }, { properties: ['name'] }],
});
