import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded } from 'kafkajs';
import { FeedHandlerError, startFailureReason } from './feed-consumer-errors';
import { type FeedEvent } from './feed-event';

const brokers = ['k1:9092', 'k2:9092'];
const protocolError = (type: string, message: string) => Object.assign(new Error(message), { type });
const afterRetries = (cause: Error) =>
  new KafkaJSNumberOfRetriesExceeded(cause, { retryCount: 5, retryTime: 300 });

describe('startFailureReason', () => {
  it('given the broker does not know the topic (after kafkajs retries), when explained, then the topic is named', () => {
    const error = afterRetries(
      protocolError('UNKNOWN_TOPIC_OR_PARTITION', 'This server does not host this topic-partition'),
    );

    expect(startFailureReason(error, 'ib.events', brokers)).toBe(
      'topic ib.events does not exist on k1:9092,k2:9092 (the API creates it when it first publishes)',
    );
  });

  it('given the topic is not ours to read, when explained, then it says so', () => {
    const error = protocolError('TOPIC_AUTHORIZATION_FAILED', 'Not authorized to access topics');

    expect(startFailureReason(error, 'ib.events', brokers)).toBe(
      'not allowed to read topic ib.events on k1:9092,k2:9092: Not authorized to access topics',
    );
  });

  it('given no broker answers, when explained, then the brokers and the network error are named', () => {
    const error = afterRetries(
      new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 10.0.0.1:9092'),
    );

    expect(startFailureReason(error, 'ib.events', brokers)).toBe(
      'cannot reach Kafka at k1:9092,k2:9092: Connection error: connect ECONNREFUSED 10.0.0.1:9092',
    );
  });
});

describe('FeedHandlerError', () => {
  it('given a handler that threw, when reported, then the message names the event, where it sits and why', () => {
    const event = { eventId: 'e-7', type: 'IntegrationCreated' } as FeedEvent;

    const error = new FeedHandlerError(
      event,
      { topic: 't', partition: 2, offset: '41' },
      new Error('disk full'),
    );

    expect(error.message).toBe(
      'handling event e-7 (IntegrationCreated, partition 2, offset 41) failed: disk full',
    );
    expect(error.cause).toEqual(new Error('disk full'));
  });
});
