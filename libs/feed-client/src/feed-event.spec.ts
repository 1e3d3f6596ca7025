import { actorOf, type FeedEvent, MalformedFeedEventError, parseFeedEvent } from './feed-event';

const stored: FeedEvent = {
  eventId: '0b6f3a52-6f0e-4d7e-9d55-3f0c7d1b2a11',
  type: 'IntegrationCreated',
  schemaVersion: 1,
  streamId: 'integration-7d1c',
  streamVersion: 0,
  globalPosition: 42,
  recordedAt: '2025-01-01T10:00:00.000Z',
  data: { integrationId: '7d1c', applicationName: 'Shop' },
  metadata: { actorId: 'alice', correlationId: 'c-1', causationId: 'c-1' },
};
const valueWith = (change: Record<string, unknown>) => JSON.stringify({ ...stored, ...change });

describe('parseFeedEvent', () => {
  it('given a value as the API writes it, when parsed, then it is the stored event field for field', () => {
    expect(parseFeedEvent(Buffer.from(JSON.stringify(stored)))).toEqual(stored);
  });

  it('given a value with fields a later API version added, when parsed, then the known fields are read', () => {
    expect(parseFeedEvent(valueWith({ tenant: 'acme' }))).toEqual(stored);
  });

  it('given null data (a valid stored value), when parsed, then it is kept', () => {
    expect(parseFeedEvent(valueWith({ data: null })).data).toBeNull();
  });

  it.each([
    ['no value (a tombstone)', 'no value', null],
    ['text that is not JSON', 'not JSON', 'IntegrationCreated'],
    ['a JSON array', 'not a JSON object', '[1,2]'],
    ['a JSON string', 'not a JSON object', '"x"'],
    ['no event id', 'eventId', valueWith({ eventId: undefined })],
    ['an empty type', 'type', valueWith({ type: '' })],
    ['a numeric stream id', 'streamId', valueWith({ streamId: 7 })],
    ['a negative stream version', 'streamVersion', valueWith({ streamVersion: -1 })],
    ['a fractional position', 'globalPosition', valueWith({ globalPosition: 1.5 })],
    ['a position as text', 'globalPosition', valueWith({ globalPosition: '42' })],
    ['a schema version as text', 'schemaVersion', valueWith({ schemaVersion: '1' })],
    ['a time that is not one', 'recordedAt', valueWith({ recordedAt: 'yesterday' })],
    ['no data', 'data is missing', valueWith({ data: undefined })],
    ['no metadata', 'metadata is missing', valueWith({ metadata: undefined })],
  ])('given %s, when parsed, then it is reported as malformed: %s', (_, reason, value) => {
    const parse = () => parseFeedEvent(value);

    expect(parse).toThrow(MalformedFeedEventError);
    expect(parse).toThrow(reason);
  });
});

describe('actorOf', () => {
  it('given metadata naming an actor, when asked, then it is that actor', () => {
    expect(actorOf(stored)).toBe('alice');
  });

  it.each([
    ['no actor', {}],
    ['an empty actor', { actorId: '' }],
    ['a numeric actor', { actorId: 7 }],
    ['no metadata object', 'system'],
    ['null metadata', null],
  ])('given %s, when asked, then there is none', (_, metadata) => {
    expect(actorOf({ ...stored, metadata })).toBeUndefined();
  });
});
