import { humanEventLine, jsonEventLine } from './event-line';
import { type FeedEvent } from './feed-event';

const event: FeedEvent = {
  eventId: 'e-1',
  type: 'ConnectionRequestApproved',
  schemaVersion: 1,
  streamId: 'connection-request-9f2',
  streamVersion: 3,
  globalPosition: 118,
  recordedAt: '2025-03-04T05:06:07.089Z',
  data: { approvedBy: 'bob' },
  metadata: { actorId: 'bob', correlationId: 'c', causationId: 'c' },
};

describe('humanEventLine', () => {
  it('given an event with an actor, when printed, then the line shows position, time, stream, version, type and actor', () => {
    expect(humanEventLine(event)).toBe(
      '#118  2025-03-04T05:06:07.089Z  connection-request-9f2 v3  ConnectionRequestApproved  by bob',
    );
  });

  it('given an event without an actor, when printed, then the line ends with its type', () => {
    expect(humanEventLine({ ...event, metadata: {} })).toBe(
      '#118  2025-03-04T05:06:07.089Z  connection-request-9f2 v3  ConnectionRequestApproved',
    );
  });

  it('given an actor with terminal escapes, when printed, then they are neutralised', () => {
    const line = humanEventLine({ ...event, metadata: { actorId: 'eve\u001b[2J\nroot' } });

    expect(line).toContain('by eve?[2J?root');
    expect(line).not.toContain('\u001b');
    expect(line).not.toContain('\n');
  });
});

describe('jsonEventLine', () => {
  it('given an event, when printed as JSON, then the line parses back to the event and holds no newline', () => {
    const line = jsonEventLine({ ...event, data: { note: 'two\nlines' } });

    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({ ...event, data: { note: 'two\nlines' } });
  });
});
