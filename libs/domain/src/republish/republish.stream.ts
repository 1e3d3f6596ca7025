export const republishStreamId = (runId: string): string => `republish-${runId}`;
