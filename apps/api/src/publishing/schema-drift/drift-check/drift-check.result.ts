import { type SchemaDifference } from '@ib/domain';

/** ok: in sync; drift: differences recorded; unreachable: its database did not answer the check. */
export type DriftStatus = 'ok' | 'drift' | 'unreachable';

/** What one check found for one integration deployed in the environment. */
export type IntegrationDriftResult = Readonly<{
  integrationId: string;
  version: number;
  status: DriftStatus;
  differences: readonly SchemaDifference[];
  breaking: number;
  nonBreaking: number;
  /** Unreachable: why, as the connector tells it (never a secret). */
  error?: Readonly<{ code: string; message: string }>;
}>;

export type EnvironmentDriftResult = Readonly<{
  environment: string;
  checkedAt: string;
  integrations: readonly IntegrationDriftResult[];
}>;

export const countsOf = (differences: readonly SchemaDifference[]) => {
  const breaking = differences.filter((difference) => difference.breaking).length;
  return { breaking, nonBreaking: differences.length - breaking };
};
