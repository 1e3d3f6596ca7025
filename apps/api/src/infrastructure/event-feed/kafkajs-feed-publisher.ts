import { Logger } from '@nestjs/common';
import {
  type Admin,
  CompressionTypes,
  Kafka,
  type LogEntry,
  logLevel,
  Partitioners,
  type Producer,
  type SASLOptions,
} from 'kafkajs';
import { type EventFeedPublisher, type FeedMessage } from './event-feed.port';
import { type KafkaSettings } from './kafka-settings';

export type KafkajsFeedPublisherOptions = Readonly<{
  /** How long one connection attempt and one request may take; the relay's own backoff does the rest. */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
}>;

/**
 * kafkajs logs through this, never to the console, at debug level: a failed send is reported once by
 * the relay (its log line, and its state in GET /api/projections), not once per broker connection try.
 */
function nestLogCreator() {
  const logger = new Logger('Kafka');
  return () =>
    ({ level, log: { message } }: LogEntry) => {
      if (level === logLevel.ERROR || level === logLevel.WARN) logger.debug(message);
    };
}

/**
 * The feed on Kafka through kafkajs: one idempotent producer (acks from all in-sync replicas, one
 * request in flight, so a retried request can neither duplicate nor reorder within the producer's
 * session), keys hashed like the Java client's default partitioner. After a failed send the producer is
 * dropped and the next send opens a new one: a broker that restarted may no longer know the old
 * producer's sequence numbers, and at-least-once only needs the next attempt to start clean.
 */
export class KafkajsFeedPublisher implements EventFeedPublisher {
  readonly destination: string;
  private readonly kafka: Kafka;
  private producer?: Promise<Producer>;
  private topicReady = false;

  constructor(
    private readonly settings: KafkaSettings,
    options: KafkajsFeedPublisherOptions = {},
  ) {
    this.destination = `kafka topic ${settings.topic}`;
    this.kafka = new Kafka({
      clientId: settings.clientId,
      brokers: [...settings.brokers],
      ssl: settings.ssl,
      ...(settings.sasl ? { sasl: { ...settings.sasl } as SASLOptions } : {}),
      connectionTimeout: options.connectionTimeoutMs ?? 3_000,
      requestTimeout: options.requestTimeoutMs ?? 10_000,
      // Few quick retries inside the client: a broker that stays away is the relay's to retry, with
      // backoff and a status operators can see.
      retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 2_000 },
      logLevel: logLevel.WARN,
      logCreator: nestLogCreator(),
    });
  }

  async prepare(): Promise<void> {
    if (this.topicReady) return;
    const admin: Admin = this.kafka.admin();
    await admin.connect();
    try {
      const topics = await admin.listTopics();
      if (!topics.includes(this.settings.topic)) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: [{ topic: this.settings.topic, numPartitions: this.settings.partitions }],
        });
      }
      this.topicReady = true;
    } finally {
      await admin.disconnect();
    }
  }

  async publish(messages: readonly FeedMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.prepare();
    const producer = await this.connectedProducer();
    try {
      await producer.send({
        topic: this.settings.topic,
        acks: -1,
        compression: CompressionTypes.None,
        messages: messages.map(({ key, value, headers }) => ({ key, value, headers: { ...headers } })),
      });
    } catch (error) {
      await this.dropProducer();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.dropProducer();
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      return producer;
    })();
    // A failed connection is forgotten, so the next publish tries again.
    this.producer.catch(() => (this.producer = undefined));
    return this.producer;
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    this.topicReady = false;
    await (await producer?.catch(() => undefined))?.disconnect().catch(() => undefined);
  }
}
