export const dependencyStreamId = (name: string): string => `dependency-${name}`;
