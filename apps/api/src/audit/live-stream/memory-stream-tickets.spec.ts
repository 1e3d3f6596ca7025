import { MemoryStreamTickets } from './memory-stream-tickets';
import { describeStreamTicketsContract } from './testing/stream-tickets.contract';
import { ticketHash } from './ticket-material';

describeStreamTicketsContract('MemoryStreamTickets', { open: () => new MemoryStreamTickets() });

describe('stream ticket material', () => {
  it('given a ticket, then it carries 256 random bits in a URL-safe form, and stores keep only its hash', async () => {
    const { ticket } = await new MemoryStreamTickets().issue(
      { userId: 'u', username: 'u', owner: false, roles: [], userStreamVersion: 0 },
      new Date(0),
    );

    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(ticket, 'base64url')).toHaveLength(32);
    expect(ticketHash(ticket)).toMatch(/^[0-9a-f]{64}$/);
    expect(ticketHash(ticket)).not.toContain(ticket);
  });
});
