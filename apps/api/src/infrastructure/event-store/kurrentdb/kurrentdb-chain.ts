import { randomUUID } from 'node:crypto';
import { type RecordedEvent } from '@ib/domain';
import {
  ChainExtension,
  type ChainPoint,
  digestOf,
  GENESIS_HASH,
  GENESIS_POSITION,
} from '../../audit-chain/chain-link';
import { type ChainCheckpoint, type ChainRow } from '../../audit-chain/chain-row';
import {
  isStreamNotFound,
  isWrongExpectedVersion,
  type KurrentEventData,
  type KurrentRecordedEvent,
  type KurrentStreamState,
} from './kurrentdb-mapping';

/** The two calls of the store's client (KurrentClientPort) the chain makes. */
interface ChainStreams {
  appendToStream(
    streamName: string,
    events: KurrentEventData[],
    options: { streamState: KurrentStreamState },
  ): Promise<unknown>;
  readStream(
    streamName: string,
    options: { fromRevision: bigint; direction: 'forwards'; maxCount: number },
  ): AsyncIterable<{ event?: KurrentRecordedEvent }>;
}

/** Streams of the chain itself: outside our aggregates' prefixes, so no projection ever reads them. */
export const CHAIN_LINKS_STREAM = 'audit-chain-links';
export const CHAIN_CHECKPOINTS_STREAM = 'audit-chain-checkpoints';

const LINKS_PER_EVENT = 1_000;
const READ_PAGE = 1_000;

type Link = readonly [previousPosition: number, hash: string];

/** The digest of a stored event, from its fields as KurrentDB gives them back (see chain-link.ts). */
export const digestOfRecorded = (event: RecordedEvent): string =>
  digestOf([
    event.eventId,
    event.streamId,
    event.streamVersion,
    event.type,
    event.schemaVersion,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
    event.recordedAt,
  ]);

/**
 * The audit chain on KurrentDB. The server gives positions at commit, to appends of any instance, so
 * no append can know the event before it: the chain is written after the fact instead, by the chain
 * sealer (one instance, under its lease), as link events in a stream of its own, appended with the
 * expected revision (two sealers never both extend it). Events after the last link are not chained yet
 * and are not verified until they are: `chainHead` is the last linked position. What KurrentDB keeps
 * is immutable through its API; the chain detects what is changed or removed behind it (a deleted
 * stream's events leave holes the links name, a rewritten chunk changes digests).
 */
export class KurrentChain {
  private readonly links = new Map<number, Link>();
  private last: ChainPoint = { position: GENESIS_POSITION, hash: GENESIS_HASH };
  private revision = -1n;

  constructor(
    private readonly client: ChainStreams,
    private readonly readAll: (fromPosition: number, limit: number) => Promise<RecordedEvent[]>,
  ) {}

  async chainHead(): Promise<number> {
    await this.refresh();
    return this.last.position;
  }

  async readChain(afterPosition: number, limit: number, upTo = Number.MAX_SAFE_INTEGER): Promise<ChainRow[]> {
    await this.refresh();
    const end = Math.min(upTo, this.last.position);
    if (afterPosition >= end) return [];
    const events = await this.readAll(afterPosition, limit);
    const rows: ChainRow[] = [];
    for (const event of events) {
      if (event.globalPosition > end) break;
      const link = this.links.get(event.globalPosition);
      rows.push({
        position: event.globalPosition,
        previousPosition: link?.[0] ?? null,
        hash: link?.[1] ?? null,
        digest: digestOfRecorded(event),
      });
    }
    return rows;
  }

  /** Links the events stored after the last link, up to `upTo`: the sealer's step before it verifies. */
  async extend(upTo: number): Promise<void> {
    await this.refresh();
    let chain = new ChainExtension(this.last);
    while (chain.head.position < upTo) {
      const events = (await this.readAll(chain.head.position, LINKS_PER_EVENT)).filter(
        (event) => event.globalPosition <= upTo,
      );
      if (events.length === 0) return;
      const links = events.map((event) => {
        const link = chain.next(event.globalPosition, digestOfRecorded(event));
        return [link.position, link.previousPosition, link.hash] as const;
      });
      try {
        await this.client.appendToStream(
          CHAIN_LINKS_STREAM,
          [
            {
              id: randomUUID(),
              contentType: 'application/json',
              type: 'AuditChainLinked',
              data: { links },
              metadata: {},
            },
          ],
          { streamState: this.revision < 0n ? 'no_stream' : this.revision },
        );
      } catch (error) {
        // Another sealer linked them first: take its links and go on from there.
        if (!isWrongExpectedVersion(error)) throw error;
        await this.refresh();
        chain = new ChainExtension(this.last);
        continue;
      }
      await this.refresh();
    }
  }

  async chainCheckpoints(): Promise<ChainCheckpoint[]> {
    const checkpoints: ChainCheckpoint[] = [];
    for await (const event of this.read(CHAIN_CHECKPOINTS_STREAM, 0n))
      checkpoints.push(event.data as ChainCheckpoint);
    return checkpoints.sort((a, b) => a.position - b.position);
  }

  async saveChainCheckpoint(checkpoint: ChainCheckpoint): Promise<void> {
    await this.client.appendToStream(
      CHAIN_CHECKPOINTS_STREAM,
      [
        {
          id: randomUUID(),
          contentType: 'application/json',
          type: 'AuditChainCheckpointed',
          data: { ...checkpoint },
          metadata: {},
        },
      ],
      { streamState: 'any' },
    );
  }

  /** Reads the link events appended since the last refresh (by this instance or another). */
  private async refresh(): Promise<void> {
    for await (const event of this.read(CHAIN_LINKS_STREAM, this.revision + 1n)) {
      for (const [position, previousPosition, hash] of (event.data as { links: [number, number, string][] })
        .links) {
        this.links.set(position, [previousPosition, hash]);
        this.last = { position, hash };
      }
      this.revision = event.revision;
    }
  }

  private async *read(stream: string, fromRevision: bigint): AsyncIterable<KurrentRecordedEvent> {
    try {
      for (let from = fromRevision; ;) {
        let received = 0;
        for await (const { event } of this.client.readStream(stream, {
          fromRevision: from,
          direction: 'forwards',
          maxCount: READ_PAGE,
        })) {
          received++;
          if (event === undefined) continue;
          from = event.revision + 1n;
          yield event;
        }
        if (received < READ_PAGE) return;
      }
    } catch (error) {
      if (isStreamNotFound(error)) return;
      throw error;
    }
  }
}
