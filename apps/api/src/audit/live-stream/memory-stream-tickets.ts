import {
  type IssuedTicket,
  type StreamTickets,
  type TicketHolder,
  TICKET_TTL_MS,
} from './stream-tickets.port';
import { isTicketShaped, newTicket, ticketHash } from './ticket-material';

type Issued = Readonly<{ holder: TicketHolder; expiresAt: number }>;

/** At most this many tickets wait at once; beyond, the oldest are forgotten (they expire soon anyway). */
const MAX_WAITING = 100_000;

/**
 * Tickets in this process's memory: the store of the embedded installation (DATABASE_URL unset),
 * whose one process both issues the ticket and serves the stream. Several instances share their
 * state in the database instead (MysqlStreamTickets), so a ticket issued by one opens a stream on
 * any other behind the same load balancer, with no sticky sessions.
 */
export class MemoryStreamTickets implements StreamTickets {
  private readonly waiting = new Map<string, Issued>();

  issue(holder: TicketHolder, now: Date): Promise<IssuedTicket> {
    this.forgetExpired(now.getTime());
    if (this.waiting.size >= MAX_WAITING) this.waiting.delete(this.waiting.keys().next().value as string);
    const ticket = newTicket();
    const expiresAt = now.getTime() + TICKET_TTL_MS;
    this.waiting.set(ticketHash(ticket), { holder, expiresAt });
    return Promise.resolve({ ticket, expiresAt: new Date(expiresAt) });
  }

  redeem(ticket: string, now: Date): Promise<TicketHolder | undefined> {
    if (!isTicketShaped(ticket)) return Promise.resolve(undefined);
    const hash = ticketHash(ticket);
    const issued = this.waiting.get(hash);
    // Deleted whatever it answers: a ticket is spent by its first use, also a late one.
    this.waiting.delete(hash);
    return Promise.resolve(
      issued !== undefined && now.getTime() < issued.expiresAt ? issued.holder : undefined,
    );
  }

  close(): Promise<void> {
    this.waiting.clear();
    return Promise.resolve();
  }

  /** Insertion order is expiry order (one lifetime for all): the expired ones are at the front. */
  private forgetExpired(now: number): void {
    for (const [hash, { expiresAt }] of this.waiting) {
      if (expiresAt > now) return;
      this.waiting.delete(hash);
    }
  }
}
