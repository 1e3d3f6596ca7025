import { type EnvironmentKind, type Provider } from '@ib/domain';
import { defineEntity, p } from '@mikro-orm/libsql';

/**
 * The table of the deployments view (one row per DeploymentView, property = field). The read model's
 * migrations create it; read-model-orm.spec.ts checks this description against them.
 */
export const DeploymentRow = defineEntity({
  name: 'DeploymentRow',
  tableName: 'deployments',
  properties: {
    id: p.string().primary(),
    integrationId: p.string(),
    environment: p.string(),
    environmentKind: p.string().$type<EnvironmentKind>(),
    version: p.integer(),
    deployedBy: p.string(),
    deployedAt: p.string(),
    connectionId: p.string().nullable(),
    connectionProvider: p.string().$type<Provider>().nullable(),
    boundBy: p.string().nullable(),
    boundAt: p.string().nullable(),
  },
  indexes: [{ properties: ['integrationId', 'environment'] }],
});
