import { kafkaBrokers, partitionsOf, readTopic, uniqueTopic } from '../../../../../test/support/kafka';
import { closedPort } from '../mysql/testing/closed-port';
import { type FeedMessage } from './event-feed.port';
import { type KafkaSettings } from './kafka-settings';
import { KafkajsFeedPublisher } from './kafkajs-feed-publisher';

const settingsFor = (topic: string, overrides: Partial<KafkaSettings> = {}): KafkaSettings => ({
  brokers: kafkaBrokers().split(','),
  topic,
  clientId: 'ib-publisher-spec',
  partitions: 3,
  ssl: false,
  ...overrides,
});

const message = (key: string, index: number): FeedMessage => ({
  key,
  value: JSON.stringify({ eventId: `${key}-${index}`, streamId: key, streamVersion: index }),
  headers: { 'event-id': `${key}-${index}`, 'event-type': 'Spec', 'content-type': 'application/json' },
});

describe('KafkajsFeedPublisher on a real broker', () => {
  const opened: KafkajsFeedPublisher[] = [];
  const publisherFor = (settings: KafkaSettings) => {
    const publisher = new KafkajsFeedPublisher(settings, {
      connectionTimeoutMs: 1_000,
      requestTimeoutMs: 3_000,
    });
    opened.push(publisher);
    return publisher;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((publisher) => publisher.close()));
  });

  it('given a topic that does not exist (the broker creates none by itself), when prepared, then it is created with the configured partitions', async () => {
    const topic = uniqueTopic('ib-spec-created');
    expect(await partitionsOf(topic)).toBeUndefined();

    await publisherFor(settingsFor(topic, { partitions: 5 })).prepare();

    expect(await partitionsOf(topic)).toBe(5);
  });

  it('given messages of several streams, when published, then a consumer reads each with its key, headers and value, in order per stream, each stream in one partition', async () => {
    const topic = uniqueTopic('ib-spec-published');
    const publisher = publisherFor(settingsFor(topic));
    const sent = ['integration-a', 'integration-b', 'user-c']
      .flatMap((key) => [0, 1, 2, 3].map((index) => message(key, index)))
      .sort((left, right) => left.value.localeCompare(right.value));

    await publisher.publish(sent.slice(0, 6));
    await publisher.publish(sent.slice(6));

    const read = await readTopic(topic, (messages) => messages.length >= sent.length);
    expect(read).toHaveLength(sent.length);
    for (const key of ['integration-a', 'integration-b', 'user-c']) {
      const ofStream = read.filter((entry) => entry.key === key);
      expect(ofStream.map(({ event }) => event.streamVersion)).toEqual([0, 1, 2, 3]);
      expect(new Set(ofStream.map(({ partition }) => partition)).size).toBe(1);
      expect(ofStream[0].headers).toEqual({
        'event-id': `${key}-0`,
        'event-type': 'Spec',
        'content-type': 'application/json',
      });
    }
  });

  it('given no broker at the address, when publishing, then it fails within seconds, and it publishes once the address is right', async () => {
    const topic = uniqueTopic('ib-spec-unreachable');
    const away = publisherFor(settingsFor(topic, { brokers: [`127.0.0.1:${await closedPort()}`] }));
    const started = Date.now();

    await expect(away.publish([message('integration-a', 0)])).rejects.toThrow();

    expect(Date.now() - started).toBeLessThan(15_000);
    await publisherFor(settingsFor(topic)).publish([message('integration-a', 0)]);
    expect(await readTopic(topic, (messages) => messages.length >= 1)).toHaveLength(1);
  }, 30_000);

  it('given a topic name the broker refuses, when prepared, then the error says so', async () => {
    const publisher = publisherFor(settingsFor('refused/by the broker'));

    await expect(publisher.prepare()).rejects.toThrow(/topic|invalid/i);
  });
});
