export { EventFeedModule } from './event-feed.module';
export { EVENT_FEED_RELAY, EventFeedRelay } from './relay/event-feed.relay';
