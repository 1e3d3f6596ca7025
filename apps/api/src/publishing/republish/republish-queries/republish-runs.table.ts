import { defineEntity, p } from '@mikro-orm/libsql';

/**
 * The table of the republish_runs view (the runs still running). The read model's migrations create
 * it; read-model-orm.spec.ts checks this description against them.
 */
export const RepublishRunRow = defineEntity({
  name: 'RepublishRunRow',
  tableName: 'republish_runs',
  properties: {
    id: p.string().primary(),
    environment: p.string().nullable(),
    startedAt: p.string(),
  },
});
