/** Content-addressed: the same document uploaded twice is one stream. */
export const specificationStreamId = (specificationId: string): string => `specification-${specificationId}`;
