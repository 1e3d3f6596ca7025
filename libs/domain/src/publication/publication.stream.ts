export const publicationStreamId = (publicationId: string): string => `publication-${publicationId}`;
