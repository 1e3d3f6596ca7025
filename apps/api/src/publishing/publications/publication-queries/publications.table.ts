import { type PublicationStep, type RuntimeDependency } from '@ib/domain';
import { defineEntity, p } from '@mikro-orm/libsql';
import { type PublicationStepView } from './publications.projection';

/**
 * The table of the publications view (one row per PublicationView, property = field). The read model's
 * migrations create it; read-model-orm.spec.ts checks this description against them.
 */
export const PublicationRow = defineEntity({
  name: 'PublicationRow',
  tableName: 'publications',
  properties: {
    id: p.string().primary(),
    integrationId: p.string(),
    integrationVersion: p.integer(),
    version: p.integer(),
    environment: p.string(),
    status: p.string().$type<'running' | 'published' | 'failed'>(),
    steps: p.json<readonly PublicationStepView[]>(),
    reason: p.text().nullable(),
    failedStep: p.string().$type<PublicationStep>().nullable(),
    packageHash: p.string().nullable(),
    generatorVersion: p.string().nullable(),
    dependencies: p.json<readonly RuntimeDependency[]>().nullable(),
    requestedBy: p.string(),
    requestedAt: p.string(),
    finishedAt: p.string().nullable(),
  },
  // An integration's publications newest first, and its published versions.
  indexes: [
    { properties: ['integrationId', 'requestedAt'] },
    { properties: ['integrationId', 'status', 'version'] },
  ],
});
