import { type FeedEvent } from './feed-event';

/** Where a message sits on the broker. */
export type FeedMessageSource = Readonly<{
  topic: string;
  partition: number;
  /** Kafka offsets are 64-bit: kept as the decimal string kafkajs gives. */
  offset: string;
  /** The message key: the event's stream id. */
  key?: string;
}>;

/** The consumer could not join the feed: `reason` is one line an operator can act on. */
export class FeedConsumerStartError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = new.target.name;
  }
}

/**
 * The handler threw: the consumer stopped there, with the offsets of the events before this one
 * committed, so the next consumer of the same group starts at this event again.
 */
export class FeedHandlerError extends Error {
  constructor(
    readonly event: FeedEvent,
    readonly source: FeedMessageSource,
    override readonly cause: unknown,
  ) {
    super(
      `handling event ${event.eventId} (${event.type}, partition ${source.partition}, offset ${source.offset}) ` +
        `failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = new.target.name;
  }
}

type KafkaError = Error & { type?: string; cause?: unknown };

/** Why a start failed, in one line; kafkajs wraps the telling error in retry errors. */
export function startFailureReason(error: unknown, topic: string, brokers: readonly string[]): string {
  const where = brokers.join(',');
  const root = rootCause(error);
  if (root.type === 'UNKNOWN_TOPIC_OR_PARTITION')
    return `topic ${topic} does not exist on ${where} (the API creates it when it first publishes)`;
  if (root.type === 'TOPIC_AUTHORIZATION_FAILED' || root.type === 'GROUP_AUTHORIZATION_FAILED')
    return `not allowed to read topic ${topic} on ${where}: ${root.message}`;
  return `cannot reach Kafka at ${where}: ${root.message}`;
}

function rootCause(error: unknown): KafkaError {
  let current = (error instanceof Error ? error : new Error(String(error))) as KafkaError;
  while (current.cause instanceof Error) current = current.cause as KafkaError;
  return current;
}
