import { type Command } from '../shared/command';
import { type Entity } from '../shared/provider';
import { type LiveTable } from './schema-comparison';
import { type AffectedApiKey } from './schema-drift.events';

/**
 * What one check saw of the database serving a deployed version: `tables` every table and view the
 * database lists, `described` the entities' tables as it describes them.
 */
export type RecordDriftCheck = Command<
  'RecordDriftCheck',
  {
    integrationId: string;
    environment: string;
    version: number;
    entities: readonly Entity[];
    tables: readonly string[];
    described: readonly LiveTable[];
    apiKeys: readonly AffectedApiKey[];
  }
>;

export type SchemaDriftCommand = RecordDriftCheck;

export type RecordEnvironmentDriftCheck = Command<
  'RecordEnvironmentDriftCheck',
  { environment: string; integrations: number; breaking: number; nonBreaking: number; unreachable: number }
>;

export type EnvironmentDriftCheckCommand = RecordEnvironmentDriftCheck;
