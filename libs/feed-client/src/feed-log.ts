import { type LogEntry, type logCreator, logLevel } from 'kafkajs';

/** Where a feed consumer reports what it cannot hand on (malformed messages) and Kafka's warnings. */
export type FeedLog = Readonly<{
  warn(message: string): void;
  error(message: string): void;
}>;

/** One line per entry on stderr, so stdout stays the consumer's own output. */
export function stderrFeedLog(prefix = 'feed-client'): FeedLog {
  const write = (level: string, message: string) => process.stderr.write(`${prefix}: ${level}: ${message}\n`);
  return { warn: (message) => write('warn', message), error: (message) => write('error', message) };
}

/**
 * A kafkajs logCreator writing warnings and errors, one plain line each, to `log`. kafkajs' own default
 * prints every entry as JSON to the console, which would mix with a CLI's output.
 */
export function kafkaLogCreator(log: () => FeedLog): logCreator {
  return () =>
    ({ level, namespace, log: entry }: LogEntry) => {
      const { message, error } = entry as { message: string; error?: unknown };
      const line = `kafka ${namespace}: ${message}${error && error !== message ? ` (${String(error)})` : ''}`;
      if (level === logLevel.ERROR) log().error(line);
      else if (level === logLevel.WARN) log().warn(line);
    };
}
