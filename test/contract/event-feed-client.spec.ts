import { type RecordedEvent } from '@ib/domain';
import { type FeedEvent as ClientFeedEvent, parseFeedEvent } from '@ib/feed-client';
import {
  type FeedEvent as PublishedFeedEvent,
  toFeedMessage,
} from '../../apps/api/src/infrastructure/event-feed/feed-message';

// The feed client keeps its own copy of the message shape; this fails to compile when the two drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<PublishedFeedEvent, ClientFeedEvent> = true;

const stored: RecordedEvent = {
  eventId: '5d0c3f5e-8f8a-4c47-b1a4-0e2f0b3f9a10',
  type: 'IntegrationCreated',
  schemaVersion: 1,
  streamId: 'integration-3f2a',
  streamVersion: 0,
  globalPosition: 7,
  recordedAt: '2025-01-01T10:00:00.000Z',
  data: { integrationId: '3f2a', applicationName: 'Shop' },
  metadata: { actorId: 'alice', correlationId: 'c-1', causationId: 'c-1' },
};

describe('the event feed, as the API publishes it and the feed client reads it', () => {
  it('given a stored event, when the relay makes it a message, then the client parses the stored event back, keyed by its stream', () => {
    const message = toFeedMessage(stored);

    expect(sameShape).toBe(true);
    expect(parseFeedEvent(message.value)).toEqual(stored);
    expect(message.key).toBe(stored.streamId);
    expect(message.headers).toEqual({
      'event-id': stored.eventId,
      'event-type': stored.type,
      'content-type': 'application/json',
    });
  });
});
