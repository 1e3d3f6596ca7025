export const integrationStreamId = (integrationId: string): string => `integration-${integrationId}`;
