import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 256 bits, safe in a query string without escaping. */
export const newTicket = (): string => randomBytes(32).toString('base64url');

/** What stores keep and look up instead of the ticket itself. */
export const ticketHash = (ticket: string): string => createHash('sha256').update(ticket).digest('hex');

/** A ticket this API could have issued: anything else is refused without a lookup. */
export const isTicketShaped = (value: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(value);
