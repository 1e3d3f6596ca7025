import { DEFAULT_KAFKA_TOPIC, type KafkaSettings } from '../infrastructure/event-feed/kafka-settings';

type Env = Readonly<Record<string, string | undefined>>;

const BROKER = /^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9A-Fa-f:.]+\]:\d{1,5}$/;
const TOPIC = /^[A-Za-z0-9._-]{1,249}$/;
const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

/**
 * The Kafka feed from KAFKA_*: undefined (the relay is off) unless KAFKA_BROKERS is set. Malformed
 * values are problems that stop the start; a broker that cannot be reached is not (the API serves and
 * the relay retries).
 */
export function eventFeedSettings(
  env: Env,
  instanceId: string,
  problems: string[],
): KafkaSettings | undefined {
  const raw = env.KAFKA_BROKERS?.trim();
  if (!raw) return undefined;
  const brokers = raw.split(',').map((broker) => broker.trim());
  if (brokers.some((broker) => !BROKER.test(broker)))
    problems.push('KAFKA_BROKERS must be a comma-separated list of host:port');
  const topic = env.KAFKA_TOPIC || DEFAULT_KAFKA_TOPIC;
  if (!TOPIC.test(topic) || topic === '.' || topic === '..')
    problems.push('KAFKA_TOPIC must be 1 to 249 letters, digits or ._- (a Kafka topic name)');
  const partitionsRaw = env.KAFKA_TOPIC_PARTITIONS || '3';
  const partitions = Number(partitionsRaw);
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > 10_000)
    problems.push('KAFKA_TOPIC_PARTITIONS must be an integer from 1 to 10000');
  const ssl = env.KAFKA_SSL || 'false';
  if (ssl !== 'true' && ssl !== 'false') problems.push('KAFKA_SSL must be true or false');
  return {
    brokers,
    topic,
    clientId: env.KAFKA_CLIENT_ID || `integration-builder-${instanceId}`,
    partitions,
    ssl: ssl === 'true',
    ...saslOf(env, problems),
  };
}

function saslOf(env: Env, problems: string[]): Pick<KafkaSettings, 'sasl'> {
  const mechanism = env.KAFKA_SASL_MECHANISM;
  const username = env.KAFKA_SASL_USERNAME;
  const password = env.KAFKA_SASL_PASSWORD;
  if (!mechanism && !username && !password) return {};
  if (!(SASL_MECHANISMS as readonly string[]).includes(mechanism ?? '')) {
    problems.push(`KAFKA_SASL_MECHANISM must be one of ${SASL_MECHANISMS.join(', ')}`);
    return {};
  }
  if (!username || !password) {
    problems.push('KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required with KAFKA_SASL_MECHANISM');
    return {};
  }
  return { sasl: { mechanism: mechanism as (typeof SASL_MECHANISMS)[number], username, password } };
}
