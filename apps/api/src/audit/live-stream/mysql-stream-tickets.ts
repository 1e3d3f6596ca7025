import { type ResultSetHeader, type RowDataPacket } from 'mysql2/promise';
import {
  MysqlStateTable,
  type MysqlStateStoreOptions,
  STATE_TABLE_OPTIONS,
} from '../../infrastructure/mysql/mysql-state-table';
import {
  type IssuedTicket,
  type StreamTickets,
  type TicketHolder,
  TICKET_TTL_MS,
} from './stream-tickets.port';
import { isTicketShaped, newTicket, ticketHash } from './ticket-material';

const SCHEMA = `CREATE TABLE IF NOT EXISTS stream_tickets (
    ticket_hash CHAR(64) NOT NULL PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    KEY stream_tickets_expiry (expires_at)
  ) ${STATE_TABLE_OPTIONS}`;

/** Expired tickets deleted per issue, so the table stays as small as the tickets still waiting. */
const PURGE_BATCH = 100;

/** The ticket store cannot be reached (answer 503; no ticket was issued or spent). */
export class StreamTicketsUnavailableError extends Error {
  readonly code = 'STREAM.TICKETS_UNAVAILABLE';
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`Stream tickets unavailable: ${detail}`, options);
    this.name = new.target.name;
  }
}

/**
 * Tickets in the product database (DATABASE_URL): instances behind a load balancer share it, so the
 * instance that issues a ticket and the one the browser's EventSource reaches need not be the same.
 * Single use holds across instances: a ticket is spent by the DELETE that removes its row, and only
 * one DELETE of a row can report it removed.
 */
export class MysqlStreamTickets implements StreamTickets {
  private readonly table: MysqlStateTable;

  constructor(options: MysqlStateStoreOptions) {
    this.table = new MysqlStateTable({
      ...options,
      schema: SCHEMA,
      unavailable: (detail, cause) => new StreamTicketsUnavailableError(detail, cause),
    });
  }

  issue(holder: TicketHolder, now: Date): Promise<IssuedTicket> {
    return this.table.run('issue a stream ticket', async (pool) => {
      // query, not execute: a bound LIMIT is refused by some servers' prepared statements.
      await pool.query('DELETE FROM stream_tickets WHERE expires_at <= ? LIMIT ?', [
        now.getTime(),
        PURGE_BATCH,
      ]);
      const ticket = newTicket();
      const expiresAt = now.getTime() + TICKET_TTL_MS;
      await pool.execute('INSERT INTO stream_tickets (ticket_hash, holder, expires_at) VALUES (?, ?, ?)', [
        ticketHash(ticket),
        JSON.stringify(holder),
        expiresAt,
      ]);
      return { ticket, expiresAt: new Date(expiresAt) };
    });
  }

  redeem(ticket: string, now: Date): Promise<TicketHolder | undefined> {
    if (!isTicketShaped(ticket)) return Promise.resolve(undefined);
    const hash = ticketHash(ticket);
    return this.table.run('redeem a stream ticket', async (pool) => {
      const [rows] = await pool.execute<RowDataPacket[]>(
        'SELECT holder, expires_at FROM stream_tickets WHERE ticket_hash = ?',
        [hash],
      );
      const row = rows[0] as { holder: string; expires_at: number | string } | undefined;
      if (row === undefined) return undefined;
      const [{ affectedRows }] = await pool.execute<ResultSetHeader>(
        'DELETE FROM stream_tickets WHERE ticket_hash = ?',
        [hash],
      );
      // Another instance spent it between the two statements: it was not ours to use.
      if (affectedRows !== 1 || now.getTime() >= Number(row.expires_at)) return undefined;
      return JSON.parse(row.holder) as TicketHolder;
    });
  }

  close(): Promise<void> {
    return this.table.close();
  }
}
