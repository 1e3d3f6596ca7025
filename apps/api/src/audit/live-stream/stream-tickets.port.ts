import { type RoleGrant } from '@ib/domain';

/**
 * Who a stream ticket was issued to, as they were then: the stream it opens shows what these roles
 * may see, for as long as it stays open (it closes when the holder's own user stream changes, see
 * LiveStream, so a withdrawn role or an ended session never outlives the next event).
 */
export type TicketHolder = Readonly<{
  userId: string;
  username: string;
  owner: boolean;
  roles: readonly RoleGrant[];
  /** The version of the holder's user stream at issue: a change before the stream opens refuses it. */
  userStreamVersion: number;
}>;

export type IssuedTicket = Readonly<{ ticket: string; expiresAt: Date }>;

/**
 * Short-lived, single-use stream tickets. A ticket is 256 random bits; stores keep only its SHA-256
 * hash, so a lookup compares hashes (nothing about a stored ticket leaks through timing) and a copy
 * of the store opens no stream.
 */
export interface StreamTickets {
  issue(holder: TicketHolder, now: Date): Promise<IssuedTicket>;
  /** The holder, once: a ticket redeemed before, expired at `now`, or never issued answers undefined. */
  redeem(ticket: string, now: Date): Promise<TicketHolder | undefined>;
  close(): Promise<void>;
}

export const STREAM_TICKETS = Symbol('STREAM_TICKETS');

/** How long a ticket may wait before it opens a stream. */
export const TICKET_TTL_MS = 30_000;
