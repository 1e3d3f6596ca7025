import { type Event } from '../shared/event';
import { type SchemaDifference } from './schema-comparison';

/** An app's key that can reach the integration where the drift was found (its environment's active keys). */
export type AffectedApiKey = Readonly<{ keyId: string; appName: string; label: string }>;

/**
 * The tables a database had at the first check of a deployed version: a table that appears later is a
 * new table (non-breaking drift). Recorded once per version, so a check that finds nothing new appends
 * nothing.
 */
export type SchemaDriftBaselineRecorded = Event<
  'SchemaDriftBaselineRecorded',
  {
    integrationId: string;
    environment: string;
    version: number;
    tables: readonly string[];
    recordedAt: string;
  }
>;

/**
 * A check found the live database different from the deployed version, and differently from what was
 * recorded before (a check that finds the same drift again records nothing).
 */
export type SchemaDriftDetected = Event<
  'SchemaDriftDetected',
  {
    integrationId: string;
    environment: string;
    version: number;
    differences: readonly SchemaDifference[];
    breaking: number;
    nonBreaking: number;
    /** The entities the differences concern (a new table concerns none). */
    entities: readonly string[];
    apiKeys: readonly AffectedApiKey[];
    detectedAt: string;
  }
>;

/** A check found no difference where drift had been recorded. */
export type SchemaDriftResolved = Event<
  'SchemaDriftResolved',
  {
    integrationId: string;
    environment: string;
    version: number;
    /** Whether the drift resolved had breaking differences (who was told of it is told it is over). */
    wasBreaking: boolean;
    resolvedAt: string;
  }
>;

export type SchemaDriftEvent = SchemaDriftBaselineRecorded | SchemaDriftDetected | SchemaDriftResolved;

export const SCHEMA_DRIFT_EVENT_TYPES: readonly SchemaDriftEvent['type'][] = [
  'SchemaDriftBaselineRecorded',
  'SchemaDriftDetected',
  'SchemaDriftResolved',
];

/** One check of every integration deployed in an environment: when, and what it found. */
export type EnvironmentDriftChecked = Event<
  'EnvironmentDriftChecked',
  {
    environment: string;
    checkedAt: string;
    /** Integrations checked, those whose connection did not answer included. */
    integrations: number;
    breaking: number;
    nonBreaking: number;
    unreachable: number;
  }
>;

export type EnvironmentDriftCheckEvent = EnvironmentDriftChecked;

export const ENVIRONMENT_DRIFT_CHECK_EVENT_TYPES: readonly EnvironmentDriftCheckEvent['type'][] = [
  'EnvironmentDriftChecked',
];
