import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { type Message, Partitioners } from 'kafkajs';
import {
  createTopic,
  deleteTopic,
  kafkaBrokerList,
  testKafka,
  uniqueTopic,
} from '../../../test/support/kafka';
import { FeedConsumer, type FeedConsumerOptions, type MalformedFeedMessage } from './feed-consumer';
import { FeedConsumerStartError, FeedHandlerError } from './feed-consumer-errors';
import { type FeedEvent } from './feed-event';

const ROOT = resolve(__dirname, '../../..');

/**
 * The errors logged, without kafkajs's transient coordinator answers: on a fresh broker the first group
 * meets them while the offsets topic is being created, and the client retries them by itself.
 */
const ownErrors = (errors: readonly string[]) =>
  errors.filter(
    (error) =>
      !/group coordinator is not available|coordinator load in progress|not the correct coordinator/i.test(
        error,
      ),
  );
const PARTITIONS = 3;

// Joining a consumer group takes a few seconds on a single broker.
jest.setTimeout(60_000);

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Events of three streams, interleaved in the log as the API would store them. */
function storedEvents(): FeedEvent[] {
  const streams = [
    `integration-${randomUUID()}`,
    `connection-${randomUUID()}`,
    `publication-${randomUUID()}`,
  ];
  const plan = [0, 1, 0, 2, 0, 1, 2, 0, 1, 2];
  const versions = [0, 0, 0];
  return plan.map((stream, i) => ({
    eventId: randomUUID(),
    type: `Step${versions[stream]}Done`,
    schemaVersion: 1,
    streamId: streams[stream],
    streamVersion: versions[stream]++,
    globalPosition: i + 1,
    recordedAt: new Date(Date.UTC(2025, 0, 1, 10, 0, i)).toISOString(),
    data: { step: i },
    metadata: { actorId: 'alice', correlationId: 'c', causationId: 'c' },
  }));
}

/** As the API's relay writes it: keyed by stream, the event as JSON, its id and type in headers. */
const feedMessage = (event: FeedEvent): Message => ({
  key: event.streamId,
  value: JSON.stringify(event),
  headers: { 'event-id': event.eventId, 'event-type': event.type, 'content-type': 'application/json' },
});

async function publish(topic: string, ...batches: Message[][]): Promise<void> {
  const producer = testKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    for (const messages of batches) await producer.send({ topic, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
}

/** The first batch, a message that is no event, the first batch again (as after a relay failure), the rest. */
async function publishWithRedelivery(topic: string, events: FeedEvent[]): Promise<void> {
  const first = events.slice(0, 6).map(feedMessage);
  const malformed = { key: 'junk', value: 'not a feed event' };
  await publish(topic, first, [malformed], first, events.slice(6).map(feedMessage));
}

/** True once the group committed every partition up to its end: every message was handled. */
async function committedToTheEnd(topic: string, groupId: string): Promise<true | undefined> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const at = (partition: number) => committed?.partitions.find((p) => p.partition === partition)?.offset;
    // A partition no message went to has nothing to commit: its end is 0 and no offset is stored.
    return ends.every(({ partition, high }) => high === '0' || at(partition) === high) ? true : undefined;
  } finally {
    await admin.disconnect();
  }
}

const byStream = (events: readonly FeedEvent[]) => {
  const streams = new Map<string, number[]>();
  for (const { streamId, streamVersion } of events)
    streams.set(streamId, [...(streams.get(streamId) ?? []), streamVersion]);
  return streams;
};

describe('FeedConsumer on a Kafka broker', () => {
  const brokers = kafkaBrokerList();
  const topics: string[] = [];
  const running: FeedConsumer[] = [];

  async function freshTopic(): Promise<string> {
    const topic = uniqueTopic('it.feed');
    await createTopic(topic, PARTITIONS);
    topics.push(topic);
    return topic;
  }

  async function startConsumer(
    options: Pick<FeedConsumerOptions, 'topic'> & Partial<FeedConsumerOptions>,
    handle: (event: FeedEvent) => void | Promise<void> = () => undefined,
  ) {
    const handed: FeedEvent[] = [];
    const malformed: MalformedFeedMessage[] = [];
    const errors: string[] = [];
    const groupId = options.groupId ?? `it-group-${randomUUID()}`;
    const consumer = new FeedConsumer({
      brokers,
      groupId,
      fromBeginning: true,
      stopOnSignals: [],
      log: { warn: () => undefined, error: (message) => errors.push(message) },
      onMalformed: (message) => malformed.push(message),
      ...options,
    });
    running.push(consumer);
    await consumer.start(async (event) => {
      await handle(event);
      handed.push(event);
    });
    return { consumer, groupId, handed, malformed, errors };
  }

  afterEach(async () => {
    await Promise.all(running.splice(0).map((consumer) => consumer.stop()));
  });
  afterAll(async () => {
    if (topics.length) await Promise.all(topics.map(deleteTopic));
  });

  it('given a topic with a batch delivered twice and a malformed message, when consumed from the beginning, then each event is handed once, in order per stream, and the malformed one reported', async () => {
    const topic = await freshTopic();
    const events = storedEvents();
    await publishWithRedelivery(topic, events);

    const { groupId, handed, malformed, errors } = await startConsumer({ topic });
    await until(() => committedToTheEnd(topic, groupId), 'every message committed');

    expect(handed.map(({ eventId }) => eventId).sort()).toEqual(events.map(({ eventId }) => eventId).sort());
    expect(byStream(handed)).toEqual(byStream(events));
    expect(malformed).toEqual([
      expect.objectContaining({ topic, key: 'junk', reason: 'the value is not JSON' }),
    ]);
    expect(ownErrors(errors)).toEqual([]);
  });

  it('given a group that handled the feed and stopped, when it starts again and new events come, then only the new ones are handed', async () => {
    const topic = await freshTopic();
    const events = storedEvents();
    await publish(topic, events.map(feedMessage));
    const first = await startConsumer({ topic });
    await until(() => committedToTheEnd(topic, first.groupId), 'the first run committed');
    await first.consumer.stop();
    const later = storedEvents();

    await publish(topic, later.map(feedMessage));
    const second = await startConsumer({ topic, groupId: first.groupId });
    await until(() => committedToTheEnd(topic, first.groupId), 'the second run committed');

    expect(first.handed).toHaveLength(events.length);
    expect(second.handed.map(({ eventId }) => eventId).sort()).toEqual(
      later.map(({ eventId }) => eventId).sort(),
    );
  });

  it('given a consumer of new events only, when events are published after it started, then it hands those and none before', async () => {
    const topic = await freshTopic();
    await publish(topic, storedEvents().map(feedMessage));
    const { handed } = await startConsumer({ topic, fromBeginning: false });

    const fresh = storedEvents();
    await publish(topic, fresh.map(feedMessage));
    await until(async () => (handed.length >= fresh.length ? true : undefined), 'the new events');
    // A partition no new event went to never commits, so wait a moment for any stray old event instead.
    await new Promise((done) => setTimeout(done, 1_000));

    expect(handed.map(({ eventId }) => eventId).sort()).toEqual(fresh.map(({ eventId }) => eventId).sort());
  });

  it('given a handler that fails on an event, when it throws, then the consumer stops with that event, and the next consumer of the group starts at it', async () => {
    const topic = await freshTopic();
    const events = storedEvents();
    await publish(topic, events.map(feedMessage));
    const failing = events.filter(({ streamId }) => streamId === events[0].streamId)[2];

    const first = await startConsumer({ topic }, (event) => {
      if (event.eventId === failing.eventId) throw new Error('the sink is down');
    });
    const failure: unknown = await first.consumer.done.then(
      () => undefined,
      (error: unknown) => error,
    );
    const second = await startConsumer({ topic, groupId: first.groupId });
    await until(() => committedToTheEnd(topic, first.groupId), 'the second run committed');

    expect(failure).toBeInstanceOf(FeedHandlerError);
    expect((failure as FeedHandlerError).event.eventId).toBe(failing.eventId);
    expect((failure as FeedHandlerError).message).toContain('the sink is down');
    expect(ownErrors(first.errors)).toEqual([expect.stringContaining(failing.eventId)]);
    const versionsOfFailingStream = (handed: FeedEvent[]) => byStream(handed).get(failing.streamId);
    expect(versionsOfFailingStream(first.handed)).toEqual([0, 1]);
    expect(versionsOfFailingStream(second.handed)).toEqual([2, 3]);
    expect(new Set([...first.handed, ...second.handed].map(({ eventId }) => eventId))).toEqual(
      new Set(events.map(({ eventId }) => eventId)),
    );
  });

  it('given a topic that does not exist, when a consumer starts, then it fails naming the topic', async () => {
    const topic = uniqueTopic('it.feed.missing');

    await expect(startConsumer({ topic })).rejects.toThrow(
      new FeedConsumerStartError(
        `topic ${topic} does not exist on ${brokers.join(',')} (the API creates it when it first publishes)`,
      ),
    );
  });

  it('given brokers that refuse connections, when a consumer starts, then it fails within its bound with one reason', async () => {
    const started = Date.now();

    await expect(
      startConsumer({
        topic: 'integration-builder.events',
        brokers: ['127.0.0.1:1'],
        startTimeoutMs: 10_000,
      }),
    ).rejects.toThrow(/^cannot reach Kafka at 127\.0\.0\.1:1: .*ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(11_000);
  });
});

describe('npm run events:tail (the compiled CLI) on a Kafka broker', () => {
  const brokers = kafkaBrokerList().join(',');
  let topic: string;
  let events: FeedEvent[];
  /** `node <flags> <file>` as the npm script runs it after building. */
  let command: string[];

  beforeAll(async () => {
    const scripts = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).scripts as Record<
      string,
      string
    >;
    const [build, run] = scripts['events:tail'].split(' && ');
    expect(build).toBe('npm run -s build:api');
    expect(run).toMatch(/^node /);
    command = run.split(' ').slice(1);
    await promisify(execFile)('npm', ['run', '-s', 'build:api'], { cwd: ROOT });

    topic = uniqueTopic('it.feed.tail');
    await createTopic(topic, PARTITIONS);
    events = storedEvents();
    await publishWithRedelivery(topic, events);
  }, 120_000);
  afterAll(async () => {
    if (topic) await deleteTopic(topic);
  });

  type Run = { code: number | null; stdout: string[]; stderr: string[] };
  const groupOf = (stderr: string[]) => stderr.join('\n').match(/as group (events-tail-[0-9a-f]{12}),/)?.[1];

  /** Runs the CLI until it exits, or until `enough` lines came (then one more second, then `signal`). */
  function tail(
    args: string[],
    env: Record<string, string> = {},
    enough = Infinity,
    signal: NodeJS.Signals = 'SIGTERM',
  ): Promise<Run> {
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, [...command, ...args], {
        cwd: ROOT,
        env: { ...process.env, KAFKA_BROKERS: '', KAFKA_TOPIC: '', ...env },
      });
      let stdout = '';
      let stderr = '';
      let stopping = false;
      const lines = (text: string) => text.split('\n').filter(Boolean);
      const killer = setTimeout(() => child.kill('SIGKILL'), 40_000);
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (!stopping && lines(stdout).length >= enough) {
          stopping = true;
          // Long enough for a duplicate, were it handed on, to show up before the stop.
          setTimeout(() => child.kill(signal), 1_000);
        }
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', fail);
      child.on('close', (code) => {
        clearTimeout(killer);
        done({ code, stdout: lines(stdout), stderr: lines(stderr) });
      });
    });
  }

  it('given the topic, when tailed --from-beginning --json, then one JSON line per event, each once and in order per stream, until SIGTERM stops it cleanly', async () => {
    const run = await tail(
      ['--from-beginning', '--json'],
      { KAFKA_BROKERS: brokers, KAFKA_TOPIC: topic },
      10,
    );

    expect(run.code).toBe(0);
    const printed = run.stdout.map((line) => JSON.parse(line) as FeedEvent);
    expect(printed.map(({ eventId }) => eventId).sort()).toEqual(events.map(({ eventId }) => eventId).sort());
    expect(byStream(printed)).toEqual(byStream(events));
    expect(printed).toEqual(expect.arrayContaining(events));
    expect(run.stderr).toEqual([
      `events:tail: reading ${topic} on ${brokers} as group ${groupOf(run.stderr)}, from the beginning; Ctrl-C stops`,
      expect.stringMatching(/^events:tail: warn: skipped a message that is not a feed event .*not JSON$/),
    ]);
  });

  it('given the topic, when tailed --from-beginning without --json, then one line for people per event, until Ctrl-C stops it cleanly', async () => {
    const run = await tail(['--from-beginning', '--topic', topic, '--brokers', brokers], {}, 10, 'SIGINT');

    expect(run.code).toBe(0);
    expect(run.stdout).toHaveLength(events.length);
    const first = events[0];
    expect(run.stdout).toContain(`#1  ${first.recordedAt}  ${first.streamId} v0  ${first.type}  by alice`);
  });

  it('given a bad argument, when run, then it exits 2 with one line saying what is wrong', async () => {
    const run = await tail(['--form-beginning']);

    expect(run).toEqual({
      code: 2,
      stdout: [],
      stderr: ["events:tail: unknown option '--form-beginning' (see --help)"],
    });
  });

  it('given a broker that cannot be reached, when run, then it exits 1 with one line, in bounded time', async () => {
    const run = await tail(['--brokers', '127.0.0.1:1', '--topic', topic]);

    expect(run.code).toBe(1);
    expect(run.stdout).toEqual([]);
    expect(run.stderr).toEqual([
      expect.stringMatching(/^events:tail: cannot reach Kafka at 127\.0\.0\.1:1: /),
    ]);
  });

  it('given a topic that does not exist, when run, then it exits 1 with one line naming it', async () => {
    const run = await tail(['--brokers', brokers, '--topic', 'it.feed.nowhere']);

    expect(run).toEqual({
      code: 1,
      stdout: [],
      stderr: [
        `events:tail: topic it.feed.nowhere does not exist on ${brokers} (the API creates it when it first publishes)`,
      ],
    });
  });
});
