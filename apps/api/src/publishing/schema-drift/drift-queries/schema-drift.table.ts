import { type AffectedApiKey, type SchemaDifference } from '@ib/domain';
import { defineEntity, p } from '@mikro-orm/libsql';

/*
 * The tables of the drift views (one row per document, property = field). Migration 0016 creates them;
 * read-model-orm.spec.ts checks these descriptions against it.
 */

export const SchemaDriftRow = defineEntity({
  name: 'SchemaDriftRow',
  tableName: 'schema_drift',
  properties: {
    id: p.string().primary(),
    integrationId: p.string(),
    environment: p.string(),
    version: p.integer(),
    status: p.string(),
    differences: p.json<readonly SchemaDifference[]>(),
    breaking: p.integer(),
    nonBreaking: p.integer(),
    entities: p.json<readonly string[]>(),
    apiKeys: p.json<readonly AffectedApiKey[]>(),
    detectedAt: p.string().nullable(),
    resolvedAt: p.string().nullable(),
  },
  indexes: [{ properties: ['integrationId'] }],
});

export const EnvironmentDriftCheckRow = defineEntity({
  name: 'EnvironmentDriftCheckRow',
  tableName: 'environment_drift_checks',
  properties: {
    environment: p.string().primary(),
    checkedAt: p.string(),
    integrations: p.integer(),
    breaking: p.integer(),
    nonBreaking: p.integer(),
    unreachable: p.integer(),
  },
});
