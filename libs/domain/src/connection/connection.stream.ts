export const connectionStreamId = (connectionId: string): string => `connection-${connectionId}`;
