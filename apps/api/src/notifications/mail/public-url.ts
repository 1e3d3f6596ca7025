/** The base of the console links in messages (PUBLIC_URL, validated at start), without a trailing slash. */
export const PUBLIC_URL = Symbol('PUBLIC_URL');
