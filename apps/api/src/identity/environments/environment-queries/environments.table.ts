import { type EnvironmentKind } from '@ib/domain';
import { defineEntity, p } from '@mikro-orm/libsql';

/**
 * The table of the environments view (one row per EnvironmentView, property = field). The read model's
 * migrations create it; read-model-orm.spec.ts checks this description against them.
 */
export const EnvironmentRow = defineEntity({
  name: 'EnvironmentRow',
  tableName: 'environments',
  properties: {
    name: p.string().primary(),
    kind: p.string().$type<EnvironmentKind>(),
    address: p.string().nullable(),
    createdBy: p.string(),
    createdAt: p.string(),
    fourEyes: p.boolean().default(false),
  },
});
