export const apiKeyStreamId = (keyId: string): string => `api-key-${keyId}`;
