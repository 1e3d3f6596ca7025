/**
 * `npm run events:tail -- [--from-beginning] [--json] [--topic T] [--brokers B] [--group G]`: prints the
 * event feed until Ctrl-C. Events go to stdout; one status line and any problem go to stderr.
 */
import { humanEventLine, jsonEventLine } from './event-line';
import { FeedConsumer } from './feed-consumer';
import { FeedConsumerStartError } from './feed-consumer-errors';
import { stderrFeedLog } from './feed-log';
import { TAIL_USAGE, TailUsageError, tailOptions } from './tail-options';

const NAME = 'events:tail';

async function tail(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = tailOptions(argv, process.env);
  } catch (error) {
    if (!(error instanceof TailUsageError)) throw error;
    process.stderr.write(`${NAME}: ${error.message} (see --help)\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(TAIL_USAGE);
    return 0;
  }
  const { brokers, topic, groupId, fromBeginning, json } = options;
  const line = json ? jsonEventLine : humanEventLine;
  // A reader that went away (`| head`) is the end of the tail, not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(`${NAME}: cannot write the output: ${error.message}\n`);
    process.exit(1);
  });
  const consumer = new FeedConsumer({
    brokers,
    topic,
    groupId,
    fromBeginning,
    clientId: NAME.replace(':', '-'),
    log: stderrFeedLog(NAME),
  });
  try {
    await consumer.start(async (event) => {
      // Waiting for the reader keeps a slow pipe from growing the process without bound.
      if (!process.stdout.write(`${line(event)}\n`)) await drained();
    });
  } catch (error) {
    if (!(error instanceof FeedConsumerStartError)) throw error;
    process.stderr.write(`${NAME}: ${error.reason}\n`);
    return 1;
  }
  process.stderr.write(
    `${NAME}: reading ${topic} on ${brokers.join(',')} as group ${groupId}, ` +
      `${fromBeginning ? 'from the beginning' : 'new events only'}; Ctrl-C stops\n`,
  );
  return consumer.done.then(
    () => 0,
    () => 1, // the consumer has logged why
  );
}

function drained(): Promise<void> {
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

tail(process.argv.slice(2)).then(
  // kafkajs may still hold timers after a failed start: the exit code is the last word.
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${NAME}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
