import { EventEmitter } from 'node:events';
import { type ServerResponse } from 'node:http';
import { type AuthenticatedUser } from '../../identity';
import { type EventScope } from './event-visibility';
import { MAX_UNREAD_BYTES, SseClient } from './sse-client';

/** What SseClient uses of a response: it keeps what is written, unread until `read()`. */
class FakeResponse extends EventEmitter {
  readonly written: string[] = [];
  writableLength = 0;
  writableNeedDrain = false;
  writableEnded = false;
  destroyed = false;

  write(chunk: string): boolean {
    this.written.push(chunk);
    this.writableLength += Buffer.byteLength(chunk);
    return true;
  }
  end(): void {
    this.writableEnded = true;
    this.emit('close');
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }
  read(): void {
    this.writableLength = 0;
  }
}

const dana: AuthenticatedUser = {
  id: 'u-dana',
  username: 'dana',
  roles: [{ environment: 'development', role: 'developer' }],
  owner: false,
  environment: 'development',
};
const integration: EventScope = {
  streamId: 'integration-1',
  category: 'integration',
  environments: ['development'],
};
const elsewhere: EventScope = { ...integration, environments: ['qa'] };
const ownUser: EventScope = { streamId: 'user-dana', category: 'user', environments: ['development'] };

const open = (resumeAfter = 0) => {
  const response = new FakeResponse();
  const closed: SseClient[] = [];
  const client = new SseClient(dana, response as unknown as ServerResponse, resumeAfter, (c) =>
    closed.push(c),
  );
  return { response, client, closed };
};

describe('SseClient', () => {
  it('given a live client, when changes come, then it writes those its viewer may see, each position once', () => {
    const { response, client } = open();
    client.goLive();

    client.offerChange(1, integration, 'one');
    client.offerChange(2, elsewhere, 'hidden');
    client.offerChange(1, integration, 'one again');
    client.offerChange(3, integration, 'three');

    expect(response.written).toEqual(['one', 'three']);
  });

  it('given a client replaying what it missed, when live changes and a notification come meanwhile, then they follow the replay in order', async () => {
    const { response, client } = open(0);

    client.offerChange(5, integration, 'live 5');
    client.offer('notification');
    await client.replay(2, integration, 'missed 2');
    await client.replay(4, integration, 'missed 4');
    expect(response.written).toEqual(['missed 2', 'missed 4']);

    client.goLive();
    client.offerChange(6, integration, 'live 6');

    expect(response.written).toEqual(['missed 2', 'missed 4', 'live 5', 'notification', 'live 6']);
  });

  it('given a client that reads nothing, when more than its unread allowance is written, then it is dropped and nothing more is written', () => {
    const { response, client, closed } = open();
    client.goLive();
    const frame = 'x'.repeat(1024);

    for (let position = 1; position <= MAX_UNREAD_BYTES / 1024 + 1; position++)
      client.offerChange(position, integration, frame);
    const written = response.written.length;
    client.offerChange(10_000, integration, frame);

    expect(response.destroyed).toBe(true);
    expect(client.isOpen).toBe(false);
    expect(closed).toEqual([client]);
    expect(response.written).toHaveLength(written);
  });

  it('given a client that reads what it gets, when as much is written over time, then it stays open', () => {
    const { response, client } = open();
    client.goLive();

    for (let position = 1; position <= 1_000; position++) {
      client.offerChange(position, integration, 'x'.repeat(1024));
      response.read();
    }

    expect(client.isOpen).toBe(true);
  });

  it("given a live client, when its viewer's own user changes, then that change is written and the stream ends", () => {
    const { response, client, closed } = open();
    client.goLive();

    client.offerChange(7, ownUser, 'roles changed');
    client.offerChange(8, integration, 'after');

    expect(response.written).toEqual(['roles changed']);
    expect(response.writableEnded).toBe(true);
    expect(closed).toEqual([client]);
  });

  it('given a resume too far back, when it skips to a position, then changes up to it are not written again', () => {
    const { response, client } = open(0);

    client.skipTo(50, 'reset');
    client.goLive();
    client.offerChange(40, integration, 'old');
    client.offerChange(51, integration, 'new');

    expect(response.written).toEqual(['reset', 'new']);
  });
});
