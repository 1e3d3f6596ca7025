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

/** A point of the chain: an event's position and its hash (the genesis values before the first). */
export type ChainPoint = Readonly<{ position: number; hash: string }>;

/** What a store writes beside an event it links: the position before it and its hash. */
export type EventLink = Readonly<{ position: number; previousPosition: number; hash: string }>;

/**
 * Extends the chain one event at a time after `last`, as every store does when it links what it
 * writes (appends, the first start of an old log, KurrentDB's links written after the fact).
 */
export class ChainExtension {
  constructor(private last: ChainPoint = { position: GENESIS_POSITION, hash: GENESIS_HASH }) {}

  /** The link of the event stored at `position`, whose fields have `digest`; it becomes the last. */
  next(position: number, digest: string): EventLink {
    const link = {
      position,
      previousPosition: this.last.position,
      hash: chainLink(this.last.hash, this.last.position, position, digest),
    };
    this.last = { position, hash: link.hash };
    return link;
  }

  get head(): ChainPoint {
    return this.last;
  }
}
