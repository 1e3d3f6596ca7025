/** One stream per integration and environment holds the drift found there. */
export const schemaDriftStreamId = (integrationId: string, environment: string): string =>
  `schema-drift-${integrationId}-${environment}`;

/** One stream per environment holds its drift checks. */
export const environmentDriftChecksStreamId = (environment: string): string => `drift-checks-${environment}`;
