import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { EventFeedRelay } from '../apps/api/src/event-feed';
import { toFeedMessage } from '../apps/api/src/infrastructure/event-feed/feed-message';
import { type KafkaSettings } from '../apps/api/src/infrastructure/event-feed/kafka-settings';
import { KafkajsFeedPublisher } from '../apps/api/src/infrastructure/event-feed/kafkajs-feed-publisher';
import { SqliteEventStore } from '../apps/api/src/infrastructure/event-store/sqlite-event-store';
import { ProcessManagerRunner } from '../apps/api/src/infrastructure/process-managers/process-manager-runner';
import { APP_VIEWS } from '../apps/api/src/app.views';
import { createReadModelOrm, SqliteProcessCheckpoints } from '../apps/api/src/read-model';
import { benchEvent } from './lib/bench-event';
import { report, reportRatio } from './lib/report';

const BACKLOG = Number(process.env.BENCH_FEED_BACKLOG ?? 100_000);
const BATCH = 500;
const THROUGHPUT_TARGET = 20_000;
const RATIO_TARGET = 0.7;
const STEADY_RATE = 1_000;
const STEADY_SECONDS = 10;
const LAG_P99_TARGET_MS = 200;

function brokers(): string[] {
  const raw = process.env.KAFKA_BROKERS;
  if (!raw)
    throw new Error(
      'KAFKA_BROKERS is not set: run `node scripts/with-services.mjs kafka node dist/bench/event-feed.bench.js` ' +
        '(or `npm run bench`)',
    );
  return raw.split(',');
}

const topicName = (what: string) => `ib-bench-${what}-${Date.now().toString(36)}`;

const settingsFor = (topic: string): KafkaSettings => ({
  brokers: brokers(),
  topic,
  clientId: 'ib-bench',
  partitions: 3,
  ssl: false,
});

/** A log of `count` events over 1,000 streams, in batches of 100 per append. */
async function filledLog(folder: string, count: number): Promise<SqliteEventStore> {
  const store = new SqliteEventStore({ file: join(folder, 'events.sqlite'), pollIntervalMs: 50 });
  const versions = new Map<number, number>();
  for (let index = 0; index < count; index += 100) {
    const stream = (index / 100) % 1_000;
    const events = Array.from({ length: Math.min(100, count - index) }, (_, offset) =>
      benchEvent(index + offset),
    );
    const { nextExpectedVersion } = await store.append(`integration-${stream}`, events, {
      expectedVersion: versions.get(stream) ?? 'no_stream',
    });
    versions.set(stream, nextExpectedVersion);
  }
  return store;
}

/** The relay as the API runs it: a reactor of the process-manager runner, its checkpoint in a read model. */
async function relayOn(store: SqliteEventStore, folder: string, topic: string) {
  const orm = await createReadModelOrm({
    file: join(folder, `read-model-${topic}.sqlite`),
    views: APP_VIEWS,
  });
  const publisher = new KafkajsFeedPublisher(settingsFor(topic));
  const runner = new ProcessManagerRunner(store, new SqliteProcessCheckpoints(orm), { batchSize: BATCH });
  runner.register(new EventFeedRelay(publisher, runner));
  await publisher.prepare();
  return {
    runner,
    position: async () => (await runner.status())[0].position,
    close: async () => {
      await runner.stop();
      await orm.close();
    },
  };
}

/** Ours: the relay drains the backlog, from start to a checkpoint at the head. */
async function relayDrains(store: SqliteEventStore, folder: string): Promise<number> {
  const head = await store.headPosition();
  const relay = await relayOn(store, folder, topicName('relay'));
  try {
    const started = performance.now();
    await relay.runner.start();
    while ((await relay.position()) < head) await new Promise((resolve) => setTimeout(resolve, 5));
    return head / ((performance.now() - started) / 1000);
  } finally {
    await relay.close();
  }
}

/** The floor: kafkajs alone sending the same messages, built beforehand, in the same batches, same producer settings. */
async function rawKafkajs(store: SqliteEventStore): Promise<number> {
  const messages = (await store.readAll({ fromPosition: 0, limit: BACKLOG })).map(toFeedMessage);
  const topic = topicName('raw');
  const kafka = new Kafka({ clientId: 'ib-bench-raw', brokers: brokers(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
  await admin.disconnect();
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    const started = performance.now();
    for (let index = 0; index < messages.length; index += BATCH)
      await producer.send({
        topic,
        acks: -1,
        messages: messages.slice(index, index + BATCH).map(({ key, value, headers }) => ({
          key,
          value,
          headers: { ...headers },
        })),
      });
    return messages.length / ((performance.now() - started) / 1000);
  } finally {
    await producer.disconnect();
  }
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Append -> consumer receives, at a steady rate, with the relay live. */
async function steadyLag(
  store: SqliteEventStore,
  folder: string,
): Promise<{ p50: number; p99: number; count: number }> {
  const topic = topicName('lag');
  const relay = await relayOn(store, folder, topic);
  const kafka = new Kafka({ clientId: 'ib-bench-consumer', brokers: brokers(), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `${topic}-reader`, maxWaitTimeInMs: 50 });
  const appendedAt = new Map<string, number>();
  const lags: number[] = [];
  try {
    await relay.runner.start();
    while ((await relay.position()) < (await store.headPosition()))
      await new Promise((resolve) => setTimeout(resolve, 20));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const id = message.headers?.['event-id']?.toString();
        const at = id === undefined ? undefined : appendedAt.get(id);
        if (at !== undefined) lags.push(performance.now() - at);
      },
    });
    // The consumer's group settles before anything is measured.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const total = STEADY_RATE * STEADY_SECONDS;
    const started = performance.now();
    for (let index = 0; index < total; index++) {
      const due = started + (index * 1000) / STEADY_RATE;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const event = benchEvent(index);
      appendedAt.set(event.eventId, performance.now());
      await store.append(`lag-${index % 100}`, [event], { expectedVersion: 'any' });
    }
    const deadline = Date.now() + 30_000;
    while (lags.length < total && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const sorted = [...lags].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), count: lags.length };
  } finally {
    await consumer.disconnect();
    await relay.close();
  }
}

export async function runEventFeedBench(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'ib-feed-bench-'));
  const store = await filledLog(folder, BACKLOG);
  try {
    const raw = await rawKafkajs(store);
    const ours = await relayDrains(store, folder);
    report(
      'event-feed.relay.baseline',
      raw,
      'events/s',
      `kafkajs alone, ${BACKLOG} messages built beforehand, batches of ${BATCH}`,
    );
    report(
      'event-feed.relay',
      ours,
      'events/s',
      `draining a backlog of ${BACKLOG} from the SQLite log, checkpoint per batch of ${BATCH}; ` +
        `target >= ${THROUGHPUT_TARGET} ${ours >= THROUGHPUT_TARGET ? 'met' : 'MISSED'}`,
    );
    reportRatio('event-feed.relay.ratio', ours, raw, RATIO_TARGET);
    const lag = await steadyLag(store, folder);
    report(
      'event-feed.lag.p50',
      lag.p50,
      'ms',
      `append -> consumer, ${STEADY_RATE} events/s for ${STEADY_SECONDS} s, ${lag.count} received`,
    );
    report(
      'event-feed.lag.p99',
      lag.p99,
      'ms',
      `target < ${LAG_P99_TARGET_MS} ${lag.p99 < LAG_P99_TARGET_MS ? 'met' : 'MISSED'}`,
    );
  } finally {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runEventFeedBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
