import { shareProductPool } from '../../infrastructure/mysql/mysql-pool';
import { type DatabaseLocation } from '../../infrastructure/server-locations';
import { MemoryStreamTickets } from './memory-stream-tickets';
import { MysqlStreamTickets } from './mysql-stream-tickets';
import { type StreamTickets } from './stream-tickets.port';

/**
 * Where DATABASE_URL puts the product's state. Embedded (SQLite files in one data folder) there is
 * one process, so its memory is enough; on a shared database every instance may be the one a
 * browser's stream reaches, so the tickets live there.
 */
export function createStreamTickets(location: DatabaseLocation): StreamTickets {
  switch (location.kind) {
    case 'sqlite':
      return new MemoryStreamTickets();
    case 'mysql':
      return new MysqlStreamTickets(shareProductPool(location.server));
  }
}
