/** One stream per integration that every start of one of its publications appends to. */
export const integrationPublicationsStreamId = (integrationId: string): string =>
  `integration-publications-${integrationId}`;
