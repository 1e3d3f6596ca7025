import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

/** The brokers the integration specs run on (`npm run test:int` sets KAFKA_BROKERS). */
export function kafkaBrokers(): string[] {
  const brokers = process.env.KAFKA_BROKERS?.trim();
  if (!brokers)
    throw new Error(
      'KAFKA_BROKERS is not set: run the integration specs with `npm run test:int`, or export the line ' +
        'that `npm run services -- start kafka` prints',
    );
  return brokers.split(',').map((broker) => broker.trim());
}

/** A kafkajs client for specs: quiet, since a spec asserts on what it needs. */
export function testKafka(clientId = 'int-spec'): Kafka {
  return new Kafka({ clientId, brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
}

/** A topic name no other run uses: `<prefix>.<time>.<random>`. */
export function uniqueTopicName(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}.${randomBytes(4).toString('hex')}`;
}

/** Creates the topic and waits for its leaders (our brokers create no topic on first use). */
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
