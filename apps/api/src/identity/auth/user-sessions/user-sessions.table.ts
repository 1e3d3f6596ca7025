import { type RoleGrant } from '@ib/domain';
import { defineEntity, p } from '@mikro-orm/libsql';

/**
 * The table of the user sessions view, kept apart from `users` so the session version never reaches
 * the users the API lists. The read model's migrations create it; read-model-orm.spec.ts checks this
 * description against them.
 */
export const UserSessionRow = defineEntity({
  name: 'UserSessionRow',
  tableName: 'user_sessions',
  properties: {
    id: p.string().primary(),
    username: p.string(),
    roles: p.json<readonly RoleGrant[]>(),
    owner: p.boolean(),
    sessionVersion: p.integer(),
    disabled: p.boolean().default(false),
    mustChangePassword: p.boolean().default(false),
  },
});
