import { type NotificationKind, type RoleGrant } from '@ib/domain';
import { defineEntity, p } from '@mikro-orm/libsql';

/**
 * The table of the users view (one row per UserView, property = field). The read model's migrations
 * create it; read-model-orm.spec.ts checks this description against them.
 */
export const UserRow = defineEntity({
  name: 'UserRow',
  tableName: 'users',
  properties: {
    id: p.string().primary(),
    // Not unique here: the User aggregate owns that rule, and a projection must never refuse an event.
    username: p.string().index(),
    displayName: p.string().nullable(),
    roles: p.json<readonly RoleGrant[]>(),
    owner: p.boolean().default(false),
    email: p.string().nullable(),
    emailKinds: p.json<readonly NotificationKind[]>().nullable(),
    disabled: p.boolean().default(false),
    mustChangePassword: p.boolean().default(false),
    createdBy: p.string(),
    createdAt: p.string(),
    updatedAt: p.string(),
    version: p.integer(),
  },
});
