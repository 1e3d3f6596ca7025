import { stateDatabases } from '../../infrastructure/mysql/testing/state-databases';
import { MysqlStreamTickets } from './mysql-stream-tickets';
import { describeStreamTicketsContract, holder } from './testing/stream-tickets.contract';

const databases = stateDatabases('ib_stream_tickets');

describeStreamTicketsContract('MysqlStreamTickets', {
  open: () => new MysqlStreamTickets(databases.own()),
  setUp: databases.setUp,
  tearDown: databases.tearDown,
});

describe('MysqlStreamTickets on several instances', () => {
  beforeEach(databases.setUp);
  afterEach(databases.tearDown);

  it('given a ticket issued by one instance, when two instances redeem it at once, then exactly one opens a stream', async () => {
    const [issuer, a, b] = [0, 1, 2].map(() => new MysqlStreamTickets(databases.own()));
    try {
      const { ticket } = await issuer.issue(holder('ada'), new Date(0));

      const answers = await Promise.all([a.redeem(ticket, new Date(1)), b.redeem(ticket, new Date(1))]);

      expect(answers.filter((answer) => answer !== undefined)).toEqual([holder('ada')]);
    } finally {
      await Promise.all([issuer, a, b].map((tickets) => tickets.close()));
    }
  });
});
