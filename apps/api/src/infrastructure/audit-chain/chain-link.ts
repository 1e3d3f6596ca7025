import { hash } from 'node:crypto';

/**
 * The tamper-evident chain over the log. Each stored event carries
 *   hash = SHA-256( previousHash ":" previousPosition ":" position ":" digest )
 * where `digest` is the SHA-256 of the event's canonical encoding and previousHash/previousPosition are
 * those of the event stored just before it in log order (the genesis values before the first event).
 * Editing, deleting, inserting or moving a stored event therefore breaks the chain at that event, and
 * the previous position the event names tells a deletion from an insertion.
 *
 * The SQL stores compute the outer hash inside their write lock (MariaDB with SHA2(), SQLite with a
 * function this file gives), so the format is written down once here and must never change: the
 * hex strings are lower case, positions are decimal integers.
 */
export const GENESIS_HASH = '0'.repeat(64);
export const GENESIS_POSITION = 0;

/**
 * The stored fields of an event, each as the store keeps it (data and metadata as their JSON text),
 * each prefixed with its length in UTF-8 bytes, so no field's content can be mistaken for a separator:
 * the encoding is canonical, and a SQL server computes the same bytes (LENGTH() and CONCAT() on
 * utf8mb4), which lets MariaDB hash its stored events itself (see mysql-event-store.schema.ts).
 */
export type ChainedFields = readonly [
  eventId: string,
  streamId: string,
  streamVersion: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string,
];

export function canonicalEncoding(fields: ChainedFields): string {
  let encoded = '';
  for (const field of fields) {
    const text = String(field);
    encoded += `${Buffer.byteLength(text)}:${text};`;
  }
  return encoded;
}

export const digestOf = (fields: ChainedFields): string => hash('sha256', canonicalEncoding(fields));

export const chainLink = (
  previousHash: string,
  previousPosition: number,
  position: number,
  digest: string,
): string => hash('sha256', `${previousHash}:${previousPosition}:${position}:${digest}`);
