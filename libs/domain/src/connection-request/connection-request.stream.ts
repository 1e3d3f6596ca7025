export const connectionRequestStreamId = (requestId: string): string => `connection-request-${requestId}`;
