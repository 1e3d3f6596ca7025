import { createServer, type Server } from 'node:net';
import { SmtpPeer } from '../../../../../test/support/smtp-peer';
import { MailDeliveryError } from './mail-delivery.error';
import { type MailMessage } from './mail-sender.port';
import { type MailSettings } from './mail-settings';
import { NodemailerMailSender } from './nodemailer-mail-sender';

const LOGIN = { user: 'mailer', password: 'smtp-pass-that-must-not-leak' };
const FROM = 'Integration Builder <no-reply@ib.example>';

const settingsFor = (port: number, password = LOGIN.password): MailSettings => ({
  host: '127.0.0.1',
  port,
  secure: false,
  auth: { user: LOGIN.user, password },
  from: FROM,
});

const message = (n: number): MailMessage => ({
  to: `dev${n}@ib.example`,
  subject: `Connection request ${n} approved`,
  text: `Your request ${n} was approved: http://ib.example/connection-requests/${n}`,
  html: `<p>Your request ${n} was approved: <a href="http://ib.example/connection-requests/${n}">open it</a></p>`,
  messageId: `<event-${n}.user-${n}@ib.example>`,
});

const rejection = async (promise: Promise<unknown>): Promise<MailDeliveryError> => {
  try {
    await promise;
  } catch (error) {
    return error as MailDeliveryError;
  }
  throw new Error('expected the send to reject');
};

describe('NodemailerMailSender', () => {
  let peer: SmtpPeer;
  const senders: NodemailerMailSender[] = [];
  const senderFor = (settings: MailSettings, options = {}) => {
    const sender = new NodemailerMailSender(settings, options);
    senders.push(sender);
    return sender;
  };

  beforeEach(async () => {
    peer = await SmtpPeer.start({ auth: LOGIN });
  });

  afterEach(async () => {
    await Promise.all(senders.splice(0).map((sender) => sender.close()));
    await peer.stop();
  });

  it('given a message, then the server receives its text and HTML parts, its Message-ID and the configured From', async () => {
    await senderFor(settingsFor(peer.port)).send(message(1));

    expect(peer.messages).toEqual([
      {
        from: FROM,
        to: ['dev1@ib.example'],
        subject: 'Connection request 1 approved',
        text: expect.stringContaining('http://ib.example/connection-requests/1'),
        html: expect.stringContaining('<a href="http://ib.example/connection-requests/1">'),
        messageId: '<event-1.user-1@ib.example>',
      },
    ]);
  });

  it('given a Message-ID without angle brackets, then it is sent with them', async () => {
    await senderFor(settingsFor(peer.port)).send({ ...message(2), messageId: 'event-2.user-2@ib.example' });

    expect(peer.messages[0].messageId).toBe('<event-2.user-2@ib.example>');
  });

  it('given a wrong password, then the send rejects with an error that never shows the password', async () => {
    const wrong = 'wrong-pass-that-must-not-leak';
    const error = await rejection(senderFor(settingsFor(peer.port, wrong)).send(message(3)));

    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({ code: 'EAUTH', responseCode: 535, permanent: false });
    expect(error.message).toMatch(/^Mail to smtp:\/\/mailer@127\.0\.0\.1:\d+ not sent: /);
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(wrong);
    expect(peer.messages).toEqual([]);
  });

  it('given the server down, then a send rejects at once; given it up again, then the next send is delivered', async () => {
    const sender = senderFor(settingsFor(peer.port));
    await sender.send(message(4));
    await peer.down();

    const started = Date.now();
    const error = await rejection(sender.send(message(5)));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error.permanent).toBe(false);
    expect(error.message).not.toContain(LOGIN.password);

    await peer.up();
    await sender.send(message(6));
    expect(peer.messages.map(({ to }) => to)).toEqual([['dev4@ib.example'], ['dev6@ib.example']]);
  });

  describe('given a server that accepts connections and never greets', () => {
    let silent: Server;
    let port: number;

    beforeEach(async () => {
      silent = createServer(() => undefined);
      port = await new Promise<number>((resolve) =>
        silent.listen(0, '127.0.0.1', () => resolve((silent.address() as { port: number }).port)),
      );
    });

    afterEach(async () => {
      await new Promise((resolve) => silent.close(resolve));
    });

    it('then a send rejects once the greeting timeout has passed', async () => {
      const sender = senderFor(settingsFor(port), { greetingTimeoutMs: 300 });

      const started = Date.now();
      const error = await rejection(sender.send(message(7)));

      expect(Date.now() - started).toBeLessThan(1_500);
      expect(error).toMatchObject({ code: 'ETIMEDOUT', permanent: false });
    });
  });

  it('given a recipient the server refuses for good, then the error says it is permanent', async () => {
    const refusing = await SmtpPeer.start({ auth: LOGIN, refuseRecipients: /^nobody@/ });
    try {
      const error = await rejection(
        senderFor(settingsFor(refusing.port)).send({ ...message(8), to: 'nobody@ib.example' }),
      );

      expect(error).toMatchObject({ code: 'EENVELOPE', responseCode: 550, permanent: true });
    } finally {
      await refusing.stop();
    }
  });

  it('given it is closed, then a send rejects without trying', async () => {
    const sender = senderFor(settingsFor(peer.port));
    await sender.close();

    await expect(sender.send(message(9))).rejects.toThrow(/the sender is closed/);
    expect(peer.messages).toEqual([]);
  });
});
