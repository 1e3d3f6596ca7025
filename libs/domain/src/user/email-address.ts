/** RFC 5321 caps a path at 256 octets including the angle brackets: 254 remain for the address. */
export const EMAIL_MAX_LENGTH = 254;

/**
 * A practical address, not every RFC 5322 form: an unquoted local part of the characters mail systems
 * accept (dot-atom), and a domain of at least two DNS labels. Quoted local parts, comments and
 * address literals are refused: nobody types them, and some relays mishandle them.
 */
const ADDRESS =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const LOCAL_PART_MAX_LENGTH = 64;

/** Why `value` is no address we send mail to, or undefined when it is one. */
export const emailProblem = (value: unknown): string | undefined => {
  if (typeof value !== 'string' || value === '') return 'must be an e-mail address';
  if (value.length > EMAIL_MAX_LENGTH) return `must be at most ${EMAIL_MAX_LENGTH} characters`;
  const at = value.lastIndexOf('@');
  if (!ADDRESS.test(value) || at > LOCAL_PART_MAX_LENGTH)
    return 'must be an e-mail address such as name@example.com';
  return undefined;
};

/**
 * The address as stored: the domain lower-cased (DNS ignores case), the local part as typed, since
 * RFC 5321 lets a mailbox tell `Ann` from `ann` (few do, but changing it could misdirect mail).
 * So `Ann@Example.COM` and `Ann@example.com` are one address, and setting one after the other changes nothing.
 */
export const normalizedEmail = (address: string): string => {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`;
};
