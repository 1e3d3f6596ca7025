import { EventEmitter } from 'node:events';
import { StreamNotFoundError, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { type KurrentClientPort, type KurrentFilter, type KurrentLiveFeed } from '../kurrentdb-event-store';
import {
  type KurrentEventData,
  type KurrentPosition,
  type KurrentRecordedEvent,
  type KurrentStreamState,
} from '../kurrentdb-mapping';

type Stored = KurrentRecordedEvent & { position: KurrentPosition };

/**
 * A KurrentDB log in memory, with the server's behaviour that the adapter relies on: revisions from 0,
 * log positions that are byte offsets (commit = prepare, gaps between events), inclusive forward reads,
 * stream-not-found on absent streams, wrong-expected-version errors, and the server's own idempotency
 * (a retry with an older expected version, or with `any` while the ids are cached) - but, like the
 * server, no refusal of an event id already in the stream when the expected version matches.
 */
export class InMemoryKurrentClient implements KurrentClientPort {
  readonly log: Stored[] = [];
  readonly appendCalls: string[] = [];
  /** Thrown by the next call (then cleared), to simulate faults. */
  failNext?: Error;
  disposed = false;
  private nextPosition = 4_096;
  private readonly feeds = new Set<EventEmitter>();

  constructor(private readonly now: () => Date = () => new Date('2026-01-02T03:04:05.678Z')) {
    // The server writes its own events to `$all`; the adapter must never see them.
    this.write('$stats-127.0.0.1:2113', [
      {
        id: '00000000-0000-4000-8000-000000000001',
        contentType: 'application/json',
        type: '$statsCollected',
        data: {},
        metadata: {},
      },
    ]);
  }

  appendToStream(
    streamName: string,
    events: KurrentEventData[],
    { streamState }: { streamState: KurrentStreamState },
  ): Promise<{ nextExpectedRevision: bigint }> {
    this.appendCalls.push(streamName);
    this.throwIfFailing();
    const current = this.revisionOf(streamName);
    const ids = events.map((event) => event.id);
    if (typeof streamState === 'bigint' && streamState < current) {
      const start = Number(streamState) + 1;
      const atPlace = ids.every((id, index) => this.stream(streamName)[start + index]?.id === id);
      if (atPlace) return Promise.resolve({ nextExpectedRevision: BigInt(start + ids.length - 1) });
      return Promise.reject(this.wrongVersion(streamName, streamState, current));
    }
    if (streamState === 'any') {
      const stored = this.stream(streamName).filter((event) => ids.includes(event.id));
      if (stored.length === ids.length)
        return Promise.resolve({ nextExpectedRevision: stored.at(-1)!.revision });
    }
    const ok =
      streamState === 'any' ||
      (streamState === 'no_stream' && current === -1n) ||
      (streamState === 'stream_exists' && current !== -1n) ||
      streamState === current;
    if (!ok) return Promise.reject(this.wrongVersion(streamName, streamState, current));
    this.write(streamName, events);
    for (const feed of this.feeds) feed.emit('data', {});
    return Promise.resolve({ nextExpectedRevision: this.revisionOf(streamName) });
  }

  async *readStream(
    streamName: string,
    options: {
      fromRevision: 'start' | 'end' | bigint;
      direction: 'forwards' | 'backwards';
      maxCount: number;
    },
  ): AsyncIterable<{ event?: KurrentRecordedEvent }> {
    this.throwIfFailing();
    const stream = this.stream(streamName);
    if (stream.length === 0) throw new StreamNotFoundError(undefined, streamName);
    const { fromRevision, direction, maxCount } = options;
    const selected =
      direction === 'forwards'
        ? stream.filter(
            (event) => fromRevision === 'start' || (fromRevision !== 'end' && event.revision >= fromRevision),
          )
        : stream
            .filter(
              (event) =>
                fromRevision === 'end' || (fromRevision !== 'start' && event.revision <= fromRevision),
            )
            .reverse();
    for (const event of selected.slice(0, maxCount)) yield { event: copy(event) };
  }

  async *readAll(options: {
    fromPosition: 'start' | 'end' | KurrentPosition;
    direction: 'forwards' | 'backwards';
    maxCount: number;
    filter: KurrentFilter;
  }): AsyncIterable<{ event?: KurrentRecordedEvent }> {
    this.throwIfFailing();
    const { fromPosition, direction, maxCount, filter } = options;
    const at = (event: Stored) => event.position.commit;
    const matching = this.log.filter((event) =>
      filter.filterOn === 'streamName'
        ? filter.prefixes.some((prefix) => event.streamId.startsWith(prefix))
        : new RegExp(filter.regex).test(event.type),
    );
    const selected =
      direction === 'forwards'
        ? matching.filter(
            (event) =>
              fromPosition === 'start' || (fromPosition !== 'end' && at(event) >= fromPosition.commit),
          )
        : matching
            .filter(
              (event) =>
                fromPosition === 'end' || (fromPosition !== 'start' && at(event) < fromPosition.commit),
            )
            .reverse();
    for (const event of selected.slice(0, maxCount)) yield { event: copy(event) };
  }

  subscribeToAll(): KurrentLiveFeed {
    const feed = new EventEmitter();
    this.feeds.add(feed);
    return Object.assign(feed, {
      unsubscribe: () => {
        this.feeds.delete(feed);
        return Promise.resolve();
      },
    }) as unknown as KurrentLiveFeed;
  }

  dispose(): Promise<void> {
    this.disposed = true;
    return Promise.resolve();
  }

  /** Appends as another client would, without the adapter (its live feed still rings). */
  writeDirectly(streamName: string, events: KurrentEventData[]): void {
    this.write(streamName, events);
    for (const feed of this.feeds) feed.emit('data', {});
  }

  private write(streamName: string, events: readonly KurrentEventData[]): void {
    let revision = this.revisionOf(streamName);
    for (const event of events) {
      const position = BigInt(this.nextPosition);
      // Byte offsets: the next record starts after this one, so positions have gaps.
      this.nextPosition += 200 + JSON.stringify(event.data).length;
      this.log.push({
        streamId: streamName,
        id: event.id,
        revision: ++revision,
        type: event.type,
        created: this.now(),
        data: JSON.parse(JSON.stringify(event.data)) as unknown,
        metadata: JSON.parse(JSON.stringify(event.metadata)) as unknown,
        position: { commit: position, prepare: position },
      });
    }
  }

  private stream(streamName: string): Stored[] {
    return this.log.filter((event) => event.streamId === streamName);
  }

  private revisionOf(streamName: string): bigint {
    return this.stream(streamName).at(-1)?.revision ?? -1n;
  }

  private wrongVersion(streamName: string, expected: KurrentStreamState, current: bigint) {
    return new WrongExpectedVersionError(undefined, {
      streamName,
      expected,
      current: current === -1n ? 'no_stream' : current,
    });
  }

  private throwIfFailing(): void {
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) throw failure;
  }
}

const copy = (event: Stored): KurrentRecordedEvent => ({
  ...event,
  data: JSON.parse(JSON.stringify(event.data)) as unknown,
  metadata: JSON.parse(JSON.stringify(event.metadata)) as unknown,
});
