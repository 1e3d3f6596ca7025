import { type Entity, type NullPolicy, type Provider } from '@ib/domain';
import { defineEntity, p } from '@mikro-orm/libsql';

/**
 * The table of the integrations view (one row per IntegrationView, property = field). The read model's
 * migrations create it; read-model-orm.spec.ts checks this description against them.
 */
export const IntegrationRow = defineEntity({
  name: 'IntegrationRow',
  tableName: 'integrations',
  properties: {
    id: p.string().primary(),
    environment: p.string(),
    provider: p.string().$type<Provider>(),
    applicationName: p.string(),
    moduleName: p.string(),
    description: p.text(),
    icon: p.text().nullable(),
    status: p.string().$type<'draft' | 'open'>(),
    connectionId: p.string().nullable(),
    specificationId: p.string().nullable(),
    database: p.string().nullable(),
    entities: p.json<readonly Entity[]>(),
    // Nullable only because a column cannot be added NOT NULL without a default; 0012 fills it.
    nullPolicy: p.string().$type<NullPolicy>().nullable(),
    createdBy: p.string(),
    createdAt: p.string(),
    updatedAt: p.string(),
    version: p.integer(),
    publishedVersion: p.integer().nullable(),
    publishedIntegrationVersion: p.integer().nullable(),
    unpublishedChanges: p.boolean().default(true),
  },
  indexes: [{ properties: ['environment', 'updatedAt'] }, { properties: ['updatedAt'] }],
});
