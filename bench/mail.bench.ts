import { performance } from 'node:perf_hooks';
import { createTransport, type Transporter } from 'nodemailer';
import { type MailMessage } from '../apps/api/src/infrastructure/mail/mail-sender.port';
import { type MailSettings } from '../apps/api/src/infrastructure/mail/mail-settings';
import { NodemailerMailSender } from '../apps/api/src/infrastructure/mail/nodemailer-mail-sender';
import { SmtpPeer } from '../test/support/smtp-peer';
import { report, reportRatio } from './lib/report';

const MESSAGES = Number(process.env.BENCH_MAIL_MESSAGES ?? 2_000);
/** A connection per message costs the peer's 100 ms greeting delay (an early-talker check, as Postfix's postscreen has): fewer suffice for a rate. */
const UNPOOLED_MESSAGES = 150;
const ROUNDS = 3;
/** Our sender's pool size (its default), and the number of sends in flight for the unpooled baseline. */
const CONNECTIONS = 3;
/** A burst of 2,000 notifications (an admin group on a busy day) leaves within 10 s. */
const THROUGHPUT_TARGET = 200;
const RATIO_TARGET = 0.8;
const LOGIN = { user: 'bench', password: 'bench-password' };
const FROM = 'Integration Builder <no-reply@bench.example>';

/** A notification of typical size: a few lines of text and their HTML, a link to the console. */
const message = (n: number): MailMessage => ({
  to: `user${n % 50}@bench.example`,
  subject: `Connection request ${n} is waiting for your approval`,
  text:
    `dev${n % 50} asks for a connection to sales-db-${n} in production.\n\n` +
    `Review it: https://ib.bench.example/connection-requests/${n}\n`,
  html:
    `<p><b>dev${n % 50}</b> asks for a connection to <code>sales-db-${n}</code> in production.</p>` +
    `<p><a href="https://ib.bench.example/connection-requests/${n}">Review it</a></p>`,
  messageId: `<event-${n}.user-${n % 50}@ib.bench.example>`,
});

/** Waits until the peer has accepted `count` messages since `before`: every send counted was delivered. */
async function delivered(peer: SmtpPeer, before: number, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (peer.received - before < count) {
    if (Date.now() > deadline) throw new Error(`${peer.received - before} of ${count} messages arrived`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** `count` sends, at most `inFlight` at a time; messages/s from the first send to the last delivery. */
async function rate(
  peer: SmtpPeer,
  count: number,
  inFlight: number,
  send: (message: MailMessage) => Promise<unknown>,
): Promise<number> {
  const before = peer.received;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) await send(message(next++));
    }),
  );
  await delivered(peer, before, count);
  return count / ((performance.now() - started) / 1000);
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const rawSend = (transport: Transporter) => (mail: MailMessage) =>
  transport.sendMail({ from: FROM, ...mail });

export async function runMailBench(): Promise<void> {
  // The peer runs in this process: its own work (SMTP parsing of every command) is in every figure alike.
  const peer = await SmtpPeer.start({ auth: LOGIN, parse: false });
  const settings: MailSettings = {
    host: '127.0.0.1',
    port: peer.port,
    secure: false,
    auth: { user: LOGIN.user, password: LOGIN.password },
    from: FROM,
  };
  const server = {
    host: settings.host,
    port: settings.port,
    secure: false,
    auth: { user: LOGIN.user, pass: LOGIN.password },
  };
  const ours = new NodemailerMailSender(settings);
  const rawPooled = createTransport({ ...server, pool: true, maxConnections: CONNECTIONS, logger: false });
  const unpooled = createTransport({ ...server, logger: false });
  try {
    // Warm-up: connections opened, code paths compiled, for every contender.
    await rate(peer, 100, CONNECTIONS, (mail) => ours.send(mail));
    await rate(peer, 100, CONNECTIONS, rawSend(rawPooled));
    await rate(peer, 50, CONNECTIONS, rawSend(unpooled));

    // Rounds alternate the contenders, so a slower stretch of the machine weighs on both alike.
    const pooledRounds: number[] = [];
    const oursRounds: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      pooledRounds.push(await rate(peer, MESSAGES, MESSAGES, rawSend(rawPooled)));
      oursRounds.push(await rate(peer, MESSAGES, MESSAGES, (mail) => ours.send(mail)));
    }
    const pooledBaseline = median(pooledRounds);
    const oursBurst = median(oursRounds);
    const unpooledBaseline = await rate(peer, UNPOOLED_MESSAGES, CONNECTIONS, rawSend(unpooled));
    const oursOneByOne = await rate(peer, MESSAGES, 1, (mail) => ours.send(mail));

    report(
      'mail.raw-pooled.baseline',
      pooledBaseline,
      'messages/s',
      `nodemailer alone, pool of ${CONNECTIONS}, ${MESSAGES} messages handed over at once, median of ${ROUNDS}`,
    );
    report(
      'mail.sender',
      oursBurst,
      'messages/s',
      `NodemailerMailSender, pool of ${CONNECTIONS}, ${MESSAGES} messages handed over at once, median of ${ROUNDS}; ` +
        `target >= ${THROUGHPUT_TARGET} ${oursBurst >= THROUGHPUT_TARGET ? 'met' : 'MISSED'}`,
    );
    reportRatio('mail.sender.ratio', oursBurst, pooledBaseline, RATIO_TARGET);
    report(
      'mail.raw-unpooled.baseline',
      unpooledBaseline,
      'messages/s',
      `nodemailer without a pool: a connection, greeting and AUTH per message, ${CONNECTIONS} in flight, ${UNPOOLED_MESSAGES} messages`,
    );
    reportRatio('mail.sender.vs-unpooled', oursBurst, unpooledBaseline);
    report(
      'mail.sender.one-by-one',
      oursOneByOne,
      'messages/s',
      `each send awaited before the next (a reactor without concurrency): ${(1000 / oursOneByOne).toFixed(2)} ms per message`,
    );
  } finally {
    await ours.close();
    rawPooled.close();
    unpooled.close();
    await peer.stop();
  }
}

if (require.main === module) {
  runMailBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
