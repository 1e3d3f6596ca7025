/** Keyed by the lower-cased username, so `Alice` and `alice` can never both register. */
export const userStreamId = (username: string): string => `user-${username.toLowerCase()}`;
