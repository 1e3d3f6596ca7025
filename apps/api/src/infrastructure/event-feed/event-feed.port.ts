/** One message of the feed: what a broker stores, whichever client sends it. */
export type FeedMessage = Readonly<{
  /** The stream id: one aggregate's events share a partition, so they stay in order. */
  key: string;
  /** The stored event as JSON (see toFeedMessage). */
  value: string;
  headers: Readonly<Record<string, string>>;
}>;

/**
 * Where the event feed goes (Kafka today): the relay depends on this port only, so the client library
 * can be swapped without touching the relay.
 */
export interface EventFeedPublisher {
  /** What the feed is published to, for status and logs (e.g. `kafka topic integration-builder.events`). */
  readonly destination: string;
  /** Creates the topic when missing; resolves once messages can be sent. */
  prepare(): Promise<void>;
  /**
   * Sends the messages in order and resolves once the broker acknowledged every one of them; rejects
   * when any was not (the caller sends them all again: at-least-once).
   */
  publish(messages: readonly FeedMessage[]): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_FEED_PUBLISHER = Symbol('EVENT_FEED_PUBLISHER');
