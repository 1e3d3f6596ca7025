import { type NotificationKind, type RecordedEvent } from '@ib/domain';
import { MailDeliveryError } from '../../infrastructure/mail/mail-delivery.error';
import { type MailMessage, type MailSender } from '../../infrastructure/mail/mail-sender.port';
import { type Notification } from '../notification';
import { type Recipient, type RecipientDirectory } from '../recipients/recipient-directory.port';
import { InMemoryNotificationStore } from '../testing/in-memory-notification-store';
import { Mailer } from './mailer.reactor';

const NOW = new Date('2025-03-04T05:06:07.000Z');
const PUBLIC_URL = 'https://builder.example.com';

/** Sends into a list; each attempt takes the next of `outcomes` (then: up), `down` failing as a server that is down. */
class FakeMailSender implements MailSender {
  readonly sent: MailMessage[] = [];
  outcomes: ('up' | 'down' | 'refused')[] = [];
  attempts = 0;

  constructor(readonly enabled = true) {}

  async send(message: MailMessage): Promise<void> {
    this.attempts += 1;
    const outcome = this.outcomes.shift();
    if (outcome === 'down') throw new Error('connect ECONNREFUSED 127.0.0.1:2525');
    if (outcome === 'refused')
      throw new MailDeliveryError('550 5.1.1 mailbox unavailable', 'EENVELOPE', 550, true);
    this.sent.push(message);
  }

  async close(): Promise<void> {}
}

class FakeDirectory implements RecipientDirectory {
  constructor(private readonly users: readonly Recipient[]) {}
  async adminsOf(): Promise<Recipient[]> {
    return [];
  }
  async find(ids: readonly string[]): Promise<ReadonlyMap<string, Recipient>> {
    return new Map(this.users.filter(({ id }) => ids.includes(id)).map((user) => [user.id, user]));
  }
}

const event = (position: number): RecordedEvent => ({
  eventId: `event-${position}`,
  type: 'ConnectionRequested',
  schemaVersion: 1,
  streamId: 'connection-request-r1',
  streamVersion: 0,
  globalPosition: position,
  recordedAt: NOW.toISOString(),
  data: {},
  metadata: { actorId: 'dana', correlationId: 'c', causationId: 'c' },
});

const notification = (
  position: number,
  userId: string,
  kind: NotificationKind = 'connection-requested',
): Notification => ({
  id: `n-${position}-${userId}`,
  userId,
  kind,
  title: `Connection requested: <Orders & Co>`,
  body: 'dana requested the mysql connection "Orders" in development.',
  link: '/connection-requests/show/r1',
  eventId: `event-${position}`,
  position,
  environment: 'development',
  createdAt: NOW.toISOString(),
});

const USERS: readonly Recipient[] = [
  { id: 'ada', username: 'ada', email: 'ada@example.com' },
  { id: 'bob', username: 'bob' },
  { id: 'cyd', username: 'cyd', email: 'cyd@example.com', emailKinds: ['request-approved'] },
  { id: 'eve', username: 'eve', email: 'eve@example.com', emailKinds: ['connection-requested'] },
];

describe('Mailer', () => {
  let store: InMemoryNotificationStore;
  let notifierAt: number;

  const mailerWith = (sender: MailSender | undefined) =>
    new Mailer(store, store, new FakeDirectory(USERS), sender, { now: () => NOW }, PUBLIC_URL, {
      notifierPosition: () => notifierAt,
      waitForNotifierMs: 50,
      pollMs: 5,
    });

  beforeEach(async () => {
    store = new InMemoryNotificationStore();
    notifierAt = 2;
    await store.record(['ada', 'bob', 'cyd', 'eve'].map((userId) => notification(1, userId)));
    await store.record([notification(2, 'ada')]);
  });

  it('given notifications recorded, then each recipient with an address who wants the kind by email gets one message', async () => {
    const sender = new FakeMailSender();

    await mailerWith(sender).handle([event(1), event(2)]);

    expect(sender.sent.map(({ to, messageId }) => [to, messageId])).toEqual([
      ['ada@example.com', '<n-1-ada@builder.example.com>'],
      ['eve@example.com', '<n-1-eve@builder.example.com>'],
      ['ada@example.com', '<n-2-ada@builder.example.com>'],
    ]);
    expect(
      [...store.deliveries.values()].every(
        ({ state, sentAt }) => state === 'sent' && sentAt === NOW.toISOString(),
      ),
    ).toBe(true);
  });

  it('given the mail server fails and then works, then every message is sent exactly once', async () => {
    const sender = new FakeMailSender();
    const mailer = mailerWith(sender);
    const batch = [event(1), event(2)];

    // The first message goes out, then the server is down for two attempts
    sender.outcomes = ['up', 'down', 'down'];
    await expect(mailer.handle(batch)).rejects.toThrow(/ECONNREFUSED/);
    await expect(mailer.handle(batch)).rejects.toThrow(/ECONNREFUSED/);
    expect(store.deliveries.get('n-1-eve')).toMatchObject({
      state: 'pending',
      attempts: 2,
      lastError: expect.stringContaining('ECONNREFUSED'),
    });

    await mailer.handle(batch);
    await mailer.handle(batch);

    expect(sender.sent.map(({ messageId }) => messageId)).toEqual([
      '<n-1-ada@builder.example.com>',
      '<n-1-eve@builder.example.com>',
      '<n-2-ada@builder.example.com>',
    ]);
    expect(store.deliveries.get('n-1-eve')).toMatchObject({ state: 'sent', attempts: 3 });
  });

  it('given the mail server refuses one recipient for good, then that message is marked refused and never tried again, and the others go out', async () => {
    const sender = new FakeMailSender();
    const mailer = mailerWith(sender);
    const batch = [event(1), event(2)];

    // The first message goes out, the second is refused (550), the rest go out
    sender.outcomes = ['up', 'refused'];
    await mailer.handle(batch);
    await mailer.handle(batch);

    expect(sender.sent.map(({ messageId }) => messageId)).toEqual([
      '<n-1-ada@builder.example.com>',
      '<n-2-ada@builder.example.com>',
    ]);
    expect(store.deliveries.get('n-1-eve')).toMatchObject({
      state: 'refused',
      attempts: 1,
      lastError: expect.stringContaining('550'),
    });
    expect(sender.attempts).toBe(3);
  });

  it('given a delivery recorded before sending, then a crash between the two sends it again to the same address', async () => {
    await store.begin('n-1-ada', 'ada-before@example.com');
    const sender = new FakeMailSender();

    await mailerWith(sender).handle([event(1)]);

    expect(sender.sent.map(({ to }) => to)).toEqual(['ada-before@example.com', 'eve@example.com']);
  });

  it('given no mail sender, or one that is disabled, then it moves on and records nothing', async () => {
    const disabled = new FakeMailSender(false);

    await mailerWith(undefined).handle([event(1), event(2)]);
    await mailerWith(disabled).handle([event(1), event(2)]);

    expect(disabled.attempts).toBe(0);
    expect(store.deliveries.size).toBe(0);
  });

  it('given the notifier has not recorded the batch yet, then it sends nothing and the batch is handed over again', async () => {
    notifierAt = 1;
    const sender = new FakeMailSender();

    await expect(mailerWith(sender).handle([event(1), event(2)])).rejects.toThrow(
      /notifier has not recorded position 2/,
    );
    expect(sender.attempts).toBe(0);
  });

  it('sends the subject, a plain-text and an escaped HTML part, each with the console link', async () => {
    const sender = new FakeMailSender();

    await mailerWith(sender).handle([event(2)]);

    const [message] = sender.sent;
    expect(message!.subject).toBe('Connection requested: <Orders & Co>');
    expect(message!.text).toContain('https://builder.example.com/connection-requests/show/r1');
    expect(message!.html).toContain('Connection requested: &lt;Orders &amp; Co&gt;');
    expect(message!.html).toContain('&quot;Orders&quot;');
    expect(message!.html).toContain('<a href="https://builder.example.com/connection-requests/show/r1">');
    expect(message!.html).not.toContain('<Orders');
  });
});
