import { defineEntity, p } from '@mikro-orm/libsql';

/**
 * The table of the connection bindings view (one row per ConnectionBindingView, property = field). The
 * read model's migrations create it; read-model-orm.spec.ts checks this description against them.
 */
export const ConnectionBindingRow = defineEntity({
  name: 'ConnectionBindingRow',
  tableName: 'connection_bindings',
  properties: {
    id: p.string().primary(),
    integrationId: p.string(),
    environment: p.string(),
    connectionId: p.string(),
  },
  indexes: [{ properties: ['connectionId'] }],
});
