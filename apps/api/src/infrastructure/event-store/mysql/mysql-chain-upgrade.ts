import { type Pool, type PoolConnection } from 'mysql2/promise';
import { ChainExtension, type ChainPoint, digestOf } from '../../audit-chain/chain-link';
import { type ChainedFields } from '../../audit-chain/chain-link';

const PAGE = 5_000;

type LegacyRow = readonly [position: number | string, ...fields: ChainedFields];

/**
 * Until the head row holds a hash, the chain has not started: the events stored before it existed get
 * their links, in log order, in one transaction holding the head row's lock (appends wait, so none can
 * be chained to a link not yet computed), and the head row the last of them (the genesis values on a
 * new log). An instance finding the hash set has nothing to do: the events stored before are covered
 * as they were at the first start that had the chain.
 */
export async function completeChain(pool: Pool): Promise<void> {
  const [heads] = await pool.query('SELECT hash FROM events_head WHERE id = 1');
  if ((heads as { hash: string | null }[])[0]?.hash != null) return;
  const connection = await pool.getConnection();
  try {
    await connection.query('START TRANSACTION');
    const [locked] = await connection.query('SELECT hash FROM events_head WHERE id = 1 FOR UPDATE');
    if ((locked as { hash: string | null }[])[0]?.hash != null) {
      await connection.query('COMMIT');
      return;
    }
    const last = await chainStoredEvents(connection);
    await connection.query('UPDATE events_head SET hash = ?, last_position = ? WHERE id = 1', [
      last.hash,
      last.position,
    ]);
    await connection.query('COMMIT');
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => connection.destroy());
    throw error;
  } finally {
    connection.release();
  }
}

async function chainStoredEvents(connection: PoolConnection): Promise<ChainPoint> {
  await connection.query(
    `CREATE TEMPORARY TABLE IF NOT EXISTS ib_chain_links (
      position BIGINT UNSIGNED NOT NULL PRIMARY KEY,
      previous_position BIGINT UNSIGNED NOT NULL,
      hash CHAR(64) CHARACTER SET ascii NOT NULL
    ) ENGINE = InnoDB`,
  );
  const chain = new ChainExtension();
  for (;;) {
    const [rows] = await connection.query({
      sql: `SELECT global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at
        FROM events WHERE global_position > ? ORDER BY global_position LIMIT ${PAGE}`,
      values: [chain.head.position],
      rowsAsArray: true,
    });
    const page = rows as unknown as LegacyRow[];
    if (page.length === 0) break;
    const links: [number, number, string][] = [];
    for (const [
      storedPosition,
      eventId,
      streamId,
      streamVersion,
      type,
      schemaVersion,
      data,
      metadata,
      recordedAt,
    ] of page) {
      const position = Number(storedPosition);
      const fields: ChainedFields = [
        eventId,
        streamId,
        Number(streamVersion),
        type,
        Number(schemaVersion),
        data,
        metadata,
        recordedAt,
      ];
      const link = chain.next(position, digestOf(fields));
      links.push([link.position, link.previousPosition, link.hash]);
    }
    await connection.query('DELETE FROM ib_chain_links');
    await connection.query('INSERT INTO ib_chain_links (position, previous_position, hash) VALUES ?', [
      links,
    ]);
    await connection.query(
      `UPDATE events JOIN ib_chain_links links ON events.global_position = links.position
        SET events.previous_position = links.previous_position, events.hash = links.hash`,
    );
    if (page.length < PAGE) break;
  }
  await connection.query('DROP TEMPORARY TABLE IF EXISTS ib_chain_links');
  return chain.head;
}
