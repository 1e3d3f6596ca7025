import { type ContractStores, useContractStores } from '../../../infrastructure/testing/store-contract';
import { type StreamTickets, type TicketHolder, TICKET_TTL_MS } from '../stream-tickets.port';

export const holder = (userId = 'user-1'): TicketHolder => ({
  userId,
  username: userId,
  owner: false,
  roles: [{ environment: 'development', role: 'developer' }],
  userStreamVersion: 0,
});

const at = (ms: number) => new Date(Date.UTC(2025, 0, 1) + ms);

/** What every StreamTickets store does, wherever it keeps them. */
export function describeStreamTicketsContract(name: string, stores: ContractStores<StreamTickets>) {
  describe(`${name} (StreamTickets contract)`, () => {
    const open = useContractStores(stores);

    it('given an issued ticket, when it is redeemed in time, then it answers its holder and expires 30 s after issue', async () => {
      const tickets = open();
      const issued = await tickets.issue(holder('ada'), at(0));

      expect(issued.expiresAt).toEqual(at(TICKET_TTL_MS));
      expect(await tickets.redeem(issued.ticket, at(TICKET_TTL_MS - 1))).toEqual(holder('ada'));
    });

    it('given a redeemed ticket, when it is redeemed again, then it opens nothing (single use)', async () => {
      const tickets = open();
      const { ticket } = await tickets.issue(holder(), at(0));
      await tickets.redeem(ticket, at(1));

      expect(await tickets.redeem(ticket, at(2))).toBeUndefined();
    });

    it('given an issued ticket, when it is redeemed at its expiry or later, then it opens nothing, not even before its expiry afterwards', async () => {
      const tickets = open();
      const { ticket } = await tickets.issue(holder(), at(0));

      expect(await tickets.redeem(ticket, at(TICKET_TTL_MS))).toBeUndefined();
      expect(await tickets.redeem(ticket, at(1))).toBeUndefined();
    });

    it('given tickets of two users, when each is redeemed, then each answers its own holder', async () => {
      const tickets = open();
      const first = await tickets.issue(holder('ada'), at(0));
      const second = await tickets.issue(holder('bo'), at(0));

      expect(first.ticket).not.toBe(second.ticket);
      expect(await tickets.redeem(second.ticket, at(1))).toEqual(holder('bo'));
      expect(await tickets.redeem(first.ticket, at(1))).toEqual(holder('ada'));
    });

    it('given anything but an issued ticket, when it is redeemed, then it opens nothing', async () => {
      const tickets = open();
      const { ticket } = await tickets.issue(holder(), at(0));
      const altered = `${ticket.slice(0, -1)}${ticket.endsWith('A') ? 'B' : 'A'}`;

      for (const guess of [altered, '', 'x', `${ticket}x`, 'A'.repeat(43)])
        expect(await tickets.redeem(guess, at(1))).toBeUndefined();
      expect(await tickets.redeem(ticket, at(1))).toEqual(holder());
    });

    it('given many expired tickets, when new ones are issued, then the new ones still redeem', async () => {
      const tickets = open();
      for (let index = 0; index < 5; index++) await tickets.issue(holder(`old-${index}`), at(0));
      const fresh = await tickets.issue(holder('fresh'), at(TICKET_TTL_MS * 2));

      expect(await tickets.redeem(fresh.ticket, at(TICKET_TTL_MS * 2 + 1))).toEqual(holder('fresh'));
    });
  });
}
