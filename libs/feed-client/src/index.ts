export { type FeedEvent, MalformedFeedEventError, parseFeedEvent, actorOf } from './feed-event';
export { DEFAULT_REMEMBERED_EVENT_IDS, DuplicateFilter } from './duplicate-filter';
export {
  FeedConsumer,
  type FeedConsumerOptions,
  type FeedEventHandler,
  type MalformedFeedMessage,
} from './feed-consumer';
export { FeedConsumerStartError, FeedHandlerError, type FeedMessageSource } from './feed-consumer-errors';
export { type FeedLog, stderrFeedLog } from './feed-log';
export { humanEventLine, jsonEventLine } from './event-line';
