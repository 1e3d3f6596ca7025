import { FeedConsumer, type FeedConsumerOptions } from './feed-consumer';

const options: FeedConsumerOptions = {
  brokers: ['127.0.0.1:1'],
  topic: 'integration-builder.events',
  groupId: 'spec',
  fromBeginning: true,
  stopOnSignals: [],
};

describe('FeedConsumer (no broker needed)', () => {
  it('given a duplicate filter of no size, when the consumer is made, then it is refused before any message', () => {
    expect(() => new FeedConsumer({ ...options, rememberedEventIds: 0 })).toThrow(RangeError);
  });

  it('given a consumer never started, when stopped, then it is done', async () => {
    const consumer = new FeedConsumer(options);

    await consumer.stop();

    await expect(consumer.done).resolves.toBeUndefined();
  });

  it('given a stopped consumer, when started, then it is refused', async () => {
    const consumer = new FeedConsumer(options);
    await consumer.stop();

    await expect(consumer.start(() => undefined)).rejects.toThrow('A feed consumer starts once');
  });
});
