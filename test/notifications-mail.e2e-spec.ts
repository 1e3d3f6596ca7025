import { eventually } from './support/publishing';
import { type ReceivedMail, SmtpPeer } from './support/smtp-peer';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const SMTP_LOGIN = { user: 'mailer', password: 'smtp-secret-4711' };
const DATABASE_PASSWORD = 'orders-db-secret-0815';
const PUBLIC_URL = 'https://ib.example.test/console';

type ProcessStatus = Readonly<{ name: string; lag: number; state: string; lastError?: { message: string } }>;

describe('notifications by email: a real SMTP server receives exactly the expected messages', () => {
  let smtp: SmtpPeer;
  let t: TestApp;
  let root: string;
  let ada: string;
  let dana: string;

  const user = async (username: string, role: 'admin' | 'developer', email: string) => {
    await t
      .http()
      .post('/api/users')
      .set(bearer(root))
      .send({
        username,
        email,
        password: `${username}-password-1`,
        roles: [{ environment: 'development', role }],
      })
      .expect(201);
    return t.login(username, `${username}-password-1`);
  };
  const requestConnection = async (name: string) =>
    (
      await t
        .http()
        .post('/api/connection-requests')
        .set(bearer(dana))
        .send({
          name,
          provider: 'mysql',
          details: { host: 'db.local', username: 'orders' },
          password: DATABASE_PASSWORD,
        })
        .expect(201)
    ).body as { id: string };
  const mailer = async () =>
    eventually(async () => {
      const { body } = await t.http().get('/api/projections').set(bearer(root)).expect(200);
      return (body.processes as ProcessStatus[]).find(({ name }) => name === 'mailer');
    }, 'the mailer in GET /api/projections');
  /** Every message stays free of both passwords, whatever else it holds. */
  const expectNoSecret = (messages: readonly ReceivedMail[]) => {
    for (const message of messages)
      for (const part of [message.subject, message.text, message.html]) {
        expect(part).not.toContain(DATABASE_PASSWORD);
        expect(part).not.toContain(SMTP_LOGIN.password);
      }
  };
  /** Waits a moment more, so a duplicate sent late would be seen. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

  beforeAll(async () => {
    smtp = await SmtpPeer.start({ auth: SMTP_LOGIN });
    t = await startTestApp({
      SMTP_URL: smtp.url(),
      MAIL_FROM: 'Integration Builder <ib@example.test>',
      PUBLIC_URL,
    });
    root = await t.login(ADMIN.username, ADMIN.password);
    ada = await user('ada', 'admin', 'ada@example.test');
    dana = await user('dana', 'developer', 'dana@example.test');
    const eve = await user('eve', 'admin', 'eve@example.test');
    // eve administers development too, but wants only the outcome of her own requests by email
    await t
      .http()
      .put('/api/users/me')
      .set(bearer(eve))
      .send({ notifications: { email: ['request-approved', 'request-rejected'] } })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('given a developer requests a connection and an administrator approves it, then the administrator and the developer each get one message, with the link and without a password', async () => {
    const { id } = await requestConnection('Orders DB');
    const link = `${PUBLIC_URL}/connection-requests/show/${id}`;

    // Then the administrator who wants it by email gets one message (eve chose otherwise, root has no address)
    const [requested] = await smtp.waitForMessages(1);
    expect(requested).toMatchObject({
      from: 'Integration Builder <ib@example.test>',
      to: ['ada@example.test'],
      subject: expect.stringContaining('Orders DB'),
    });
    expect(requested.text).toContain(link);
    expect(requested.html).toContain(link);

    // When ada approves, then dana gets one message
    await t.http().post(`/api/connection-requests/${id}/approve`).set(bearer(ada)).expect(200);
    const messages = await smtp.waitForMessages(2);
    expect(messages[1]).toMatchObject({
      to: ['dana@example.test'],
      subject: expect.stringContaining('approved'),
    });
    expect(messages[1].text).toContain(link);

    await settle();
    expect(smtp.messages.map(({ to }) => to)).toEqual([['ada@example.test'], ['dana@example.test']]);
    expectNoSecret(smtp.messages);
    expect((await mailer()).lag).toBe(0);
  });

  it('given the SMTP server is down for a while, then the request still succeeds, the mailer shows its error, and once the server is back each message is delivered once', async () => {
    const before = smtp.messages.length;
    await smtp.down();

    // When requests are made while mail cannot go out, then they succeed all the same
    const first = await requestConnection('While down 1');
    const second = await requestConnection('While down 2');

    // And the mailer retries, showing why
    const failing = await eventually(async () => {
      const status = await mailer();
      return status.lastError !== undefined && status.lag > 0 ? status : undefined;
    }, 'the mailer to report its failure');
    expect(failing.lastError!.message).not.toContain(SMTP_LOGIN.password);

    // When the server is back, then each waiting message arrives once
    await smtp.up();
    const delivered = await smtp.waitForMessages(before + 2, 30_000);
    await settle();
    expect(smtp.messages).toHaveLength(before + 2);
    expect(
      delivered.slice(before).map(({ to, text }) => [to, text.includes(first.id), text.includes(second.id)]),
    ).toEqual([
      [['ada@example.test'], true, false],
      [['ada@example.test'], false, true],
    ]);
    expect(new Set(smtp.messages.map(({ messageId }) => messageId)).size).toBe(smtp.messages.length);
    expectNoSecret(smtp.messages);
    await eventually(async () => ((await mailer()).lag === 0 ? true : undefined), 'the mailer to catch up');
  });
});
