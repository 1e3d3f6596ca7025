import { type DynamicModule, Module } from '@nestjs/common';
import { EVENT_FEED_PUBLISHER, type EventFeedPublisher } from '../infrastructure/event-feed/event-feed.port';
import { type KafkaSettings } from '../infrastructure/event-feed/kafka-settings';
import { KafkajsFeedPublisher } from '../infrastructure/event-feed/kafkajs-feed-publisher';
import { EventFeedRelay } from './relay/event-feed.relay';

/**
 * The feed of every event to Kafka (KAFKA_BROKERS): nothing at all when it is not configured. A
 * publisher given in its place (specs) is used instead of Kafka.
 */
@Module({})
export class EventFeedModule {
  static register(settings: KafkaSettings | undefined, publisher?: EventFeedPublisher): DynamicModule {
    if (settings === undefined && publisher === undefined) return { module: EventFeedModule };
    return {
      module: EventFeedModule,
      providers: [
        {
          provide: EVENT_FEED_PUBLISHER,
          useFactory: () => publisher ?? new KafkajsFeedPublisher(settings as KafkaSettings),
        },
        EventFeedRelay,
      ],
    };
  }
}
