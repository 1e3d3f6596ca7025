/** Keyed by name, so two environments can never share one. */
export const environmentStreamId = (name: string): string => `environment-${name}`;
