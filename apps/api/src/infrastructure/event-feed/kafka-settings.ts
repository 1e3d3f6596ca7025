/** The Kafka feed as configured (KAFKA_*); absent when KAFKA_BROKERS is unset and the relay is off. */
export type KafkaSettings = Readonly<{
  /** KAFKA_BROKERS: `host:port` of each bootstrap broker. */
  brokers: readonly string[];
  /** KAFKA_TOPIC. */
  topic: string;
  /** KAFKA_CLIENT_ID: how the brokers name this producer in their logs and quotas. */
  clientId: string;
  /** KAFKA_TOPIC_PARTITIONS: used when the relay creates the topic. */
  partitions: number;
  /** KAFKA_SSL: TLS to the brokers, with the system's certificate authorities. */
  ssl: boolean;
  /** KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD. */
  sasl?: Readonly<{
    mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512';
    username: string;
    password: string;
  }>;
}>;

export const DEFAULT_KAFKA_TOPIC = 'integration-builder.events';
