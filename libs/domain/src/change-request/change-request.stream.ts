export const changeRequestStreamId = (changeRequestId: string): string => `change-request-${changeRequestId}`;
