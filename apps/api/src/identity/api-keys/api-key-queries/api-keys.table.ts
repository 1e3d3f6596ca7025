import { defineEntity, p } from '@mikro-orm/libsql';
import { type ApiKeyScope } from '@ib/domain';

/**
 * The table of the API keys view (one row per ApiKeyView, property = field). The read model's
 * migrations create it; read-model-orm.spec.ts checks this description against them.
 */
export const ApiKeyRow = defineEntity({
  name: 'ApiKeyRow',
  tableName: 'api_keys',
  properties: {
    id: p.string().primary(),
    environment: p.string(),
    appName: p.string(),
    label: p.string(),
    hint: p.string(),
    scope: p.json<ApiKeyScope>().nullable(),
    status: p.string().$type<'active' | 'revoked'>(),
    createdBy: p.string(),
    createdAt: p.string(),
    revokedBy: p.string().nullable(),
    revokedAt: p.string().nullable(),
  },
  indexes: [{ properties: ['environment', 'createdAt'] }],
});
