import { isIP } from 'node:net';

/** RFC 1123 caps a name at 253 characters and each dot-separated label at 63. */
const MAX_HOST_LENGTH = 253;
/** Letters, digits and hyphens inside; underscores too, as many internal names (containers, Windows hosts) have them. */
const LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;

/**
 * Why `host` cannot name a database server, or undefined when it can: a DNS name, an IPv4 address or
 * an IPv6 address. A malformed host is refused before any connection is tried, so it answers as bad
 * input rather than as a server that cannot be reached; the message says what to write instead and
 * never repeats the host.
 */
export function hostNameProblem(host: string): string | undefined {
  if (host.trim() === '') return 'is required';
  if (host.length > MAX_HOST_LENGTH) return `must be at most ${MAX_HOST_LENGTH} characters`;
  if (isIP(host) !== 0) return undefined;
  // URL syntax ([::1]:3306) is not a host: the driver would look the brackets up as a name.
  if (host.startsWith('[')) return 'must be an IPv6 address without brackets';
  if (host.includes('://')) return 'must be a host name or address, not a URL';
  if (host.includes(':'))
    return 'must be a host name or address without a port (the port is a field of its own)';
  if (host.includes('\\')) return 'must be a host name or address; a named instance is an option of its own';
  const labels = (host.endsWith('.') ? host.slice(0, -1) : host).split('.');
  if (!labels.every((label) => LABEL.test(label)))
    return 'must be a host name (letters, digits, hyphens and dots) or an IP address';
  return undefined;
}
