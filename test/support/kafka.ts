import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

const ROOT = resolve(__dirname, '..', '..');

/** The brokers of the broker the integration specs run on (`npm run test:int` sets KAFKA_BROKERS). */
export function kafkaBrokers(): string {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers)
    throw new Error(
      'KAFKA_BROKERS is not set: run the integration specs with `npm run test:int`, or export the line ' +
        'that `npm run services -- start kafka` prints',
    );
  return brokers;
}

/** The brokers as a list, for kafkajs. */
export const kafkaBrokerList = (): string[] =>
  kafkaBrokers()
    .split(',')
    .map((broker) => broker.trim());

/** A topic no other run uses: `<prefix>.<time>.<random>`. */
export const uniqueTopic = (prefix: string) =>
  `${prefix}.${Date.now().toString(36)}.${randomBytes(4).toString('hex')}`;

/** A kafkajs client for specs: quiet, since a spec asserts on what it needs. */
export function testKafka(clientId = 'ib-specs'): Kafka {
  return new Kafka({ clientId, brokers: kafkaBrokerList(), logLevel: logLevel.NOTHING });
}

/** Creates the topic and waits for its leaders (our broker creates no topic on first use). */
export async function createTopic(topic: string, partitions: number): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions }] });
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTopic(topic: string): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [topic] });
  } finally {
    await admin.disconnect();
  }
}

/** A message of the feed as a consumer reads it. */
export type ReadMessage = Readonly<{
  partition: number;
  offset: string;
  key: string;
  headers: Readonly<Record<string, string>>;
  value: string;
  event: Readonly<Record<string, unknown>> & { eventId: string; streamId: string; streamVersion: number };
}>;

/**
 * Every message of the topic from its beginning, read by a consumer of its own, until `enough` says
 * so (or `timeoutMs` passed: then what was read so far).
 */
export async function readTopic(
  topic: string,
  enough: (messages: readonly ReadMessage[]) => boolean,
  timeoutMs = 30_000,
): Promise<ReadMessage[]> {
  const consumer = testKafka().consumer({ groupId: uniqueTopic('ib-specs-reader') });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const value = message.value?.toString('utf8') ?? '';
        messages.push({
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? '',
          headers: Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([name, header]) => [name, String(header)]),
          ),
          value,
          event: JSON.parse(value) as ReadMessage['event'],
        });
        if (enough(messages)) done();
      },
    });
    const timer = setTimeout(done, timeoutMs);
    await finished;
    clearTimeout(timer);
    return messages;
  } finally {
    await consumer.disconnect();
  }
}

/** The number of partitions of a topic, or undefined when it does not exist. */
export async function partitionsOf(topic: string): Promise<number | undefined> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) return undefined;
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    return topics[0].partitions.length;
  } finally {
    await admin.disconnect();
  }
}

/** Stops or starts the project's private broker (the one KAFKA_BROKERS names), as an operator would. */
export function privateBroker(command: 'start' | 'stop'): void {
  const port = kafkaBrokers().split(':').pop();
  execFileSync(process.execPath, [resolve(ROOT, 'scripts', 'services.mjs'), command, 'kafka'], {
    cwd: ROOT,
    env: { ...process.env, KAFKA_PORT: port },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
