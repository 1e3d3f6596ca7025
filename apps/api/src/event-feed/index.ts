export { EventFeedModule } from './event-feed.module';
export { EVENT_FEED_RELAY } from './relay/event-feed.relay';
