import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: read aloud or copied by hand, a one-time password must survive being retyped. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUPS = 4;
const GROUP_LENGTH = 5;

/**
 * A one-time password an administrator hands over: 20 characters of a 31-letter alphabet (about 99 bits),
 * in dash-separated groups of five. Drawn from the CSPRNG, uniformly (randomInt rejects biased draws).
 */
export const oneTimePassword = (): string =>
  Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  ).join('-');
