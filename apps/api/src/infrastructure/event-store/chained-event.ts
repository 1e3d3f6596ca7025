import { digestOf } from '../audit-chain/chain-link';
import { type ChainRow } from '../audit-chain/chain-row';
import { type EncodedEvent } from './append-outcome';

/** The digest an appended event is chained with (see chain-link.ts), from the fields about to be stored. */
export const digestOfAppended = (
  [eventId, type, schemaVersion, data, metadata]: EncodedEvent,
  streamId: string,
  streamVersion: number,
  recordedAt: string,
): string => digestOf([eventId, streamId, streamVersion, type, schemaVersion, data, metadata, recordedAt]);

/**
 * A row of the SQL stores' CHAIN_COLUMNS (global_position, previous_position, hash, event_id,
 * stream_id, stream_version, type, schema_version, data, metadata, recorded_at) as a ChainRow.
 */
export type StoredChainRow = readonly [
  position: number,
  previousPosition: number | null,
  hash: string | null,
  eventId: string,
  streamId: string,
  streamVersion: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string,
];

export const CHAIN_COLUMNS =
  'global_position, previous_position, hash, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at';

/** The row with the digest of its fields computed here (a store that cannot compute it itself). */
export const chainRowOf = (row: StoredChainRow): ChainRow => ({
  position: Number(row[0]),
  previousPosition: row[1] === null ? null : Number(row[1]),
  hash: row[2],
  digest: digestOf([row[3], row[4], Number(row[5]), row[6], Number(row[7]), row[8], row[9], row[10]]),
});

/** A row whose digest the server computed: global_position, previous_position, hash, digest. */
export type DigestedChainRow = readonly [
  position: number | string,
  previousPosition: number | string | null,
  hash: string | null,
  digest: string,
];

export const digestedChainRowOf = (row: DigestedChainRow): ChainRow => ({
  position: Number(row[0]),
  previousPosition: row[1] === null ? null : Number(row[1]),
  hash: row[2],
  digest: row[3],
});
