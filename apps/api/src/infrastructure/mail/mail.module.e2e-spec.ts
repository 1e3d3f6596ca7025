import { SmtpPeer } from '../../../../../test/support/smtp-peer';
import { startTestApp, type TestApp } from '../../../../../test/support/test-app';
import { MAIL_SENDER, type MailSender } from './mail-sender.port';

const LOGIN = { user: 'ib', password: 'smtp-password-for-tests' };

describe('MAIL_SENDER in the application', () => {
  let peer: SmtpPeer;
  let testApp: TestApp | undefined;

  beforeEach(async () => {
    peer = await SmtpPeer.start({ auth: LOGIN });
  });

  afterEach(async () => {
    await testApp?.close();
    testApp = undefined;
    await peer.stop();
  });

  it('given no SMTP_URL, then the sender is disabled and sends nothing', async () => {
    testApp = await startTestApp();
    const sender = testApp.app.get<MailSender>(MAIL_SENDER);

    await sender.send({ to: 'dev@ib.example', subject: 's', text: 't', html: '<p>t</p>', messageId: 'm@ib' });

    expect(sender.enabled).toBe(false);
    expect(peer.messages).toEqual([]);
  });

  it('given SMTP_URL and MAIL_FROM, then mail goes to that server from that sender, until the app closes', async () => {
    testApp = await startTestApp({ SMTP_URL: peer.url(), MAIL_FROM: 'IB <ib@ib.example>' });
    const sender = testApp.app.get<MailSender>(MAIL_SENDER);

    await sender.send({
      to: 'dev@ib.example',
      subject: 'Hello',
      text: 'plain',
      html: '<p>html</p>',
      messageId: '<m1@ib.example>',
    });
    await testApp.close();
    testApp = undefined;

    expect(sender.enabled).toBe(true);
    expect(peer.messages).toMatchObject([{ from: 'IB <ib@ib.example>', to: ['dev@ib.example'] }]);
    await expect(
      sender.send({ to: 'dev@ib.example', subject: 's', text: 't', html: 't', messageId: '<m2@ib.example>' }),
    ).rejects.toThrow(/closed/);
  });
});
