import { type ChangeKind } from '@ib/domain';
import { defineEntity, p } from '@mikro-orm/libsql';
import { type ChangeRequestViewStatus, type ShownChange } from './change-requests.projection';

/**
 * The table of the change requests view (one row per ChangeRequestView, property = field). Migration
 * 0015 creates it; read-model-orm.spec.ts checks this description against it.
 */
export const ChangeRequestRow = defineEntity({
  name: 'ChangeRequestRow',
  tableName: 'change_requests',
  properties: {
    id: p.string().primary(),
    environment: p.string(),
    kind: p.string().$type<ChangeKind>(),
    summary: p.text(),
    change: p.json<ShownChange>(),
    status: p.string().$type<ChangeRequestViewStatus>(),
    requestedBy: p.string(),
    requestedAt: p.string(),
    decidedBy: p.string().nullable(),
    decidedAt: p.string().nullable(),
    reason: p.text().nullable(),
    completedAt: p.string().nullable(),
    failureCode: p.string().nullable(),
    failureMessage: p.text().nullable(),
    version: p.integer(),
  },
  indexes: [
    { properties: ['environment', 'requestedAt'] },
    { properties: ['requestedBy', 'requestedAt'] },
    { properties: ['requestedAt'] },
  ],
});
