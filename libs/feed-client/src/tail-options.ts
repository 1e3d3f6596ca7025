import { randomBytes } from 'node:crypto';

export const DEFAULT_FEED_TOPIC = 'integration-builder.events';
export const DEFAULT_FEED_BROKERS = '127.0.0.1:9092';

/** What `events:tail` was asked to do. */
export type TailOptions = Readonly<{
  brokers: readonly string[];
  topic: string;
  groupId: string;
  fromBeginning: boolean;
  json: boolean;
  help: boolean;
}>;

export const TAIL_USAGE = `Usage: npm run events:tail -- [options]

Prints the Integration Builder event feed, one line per event, until Ctrl-C.

  --from-beginning  start at the first event kept on the topic (else: only events published from now)
  --json            one JSON object per line, the event as published (else: a line for people)
  --topic NAME      the topic (else KAFKA_TOPIC, else ${DEFAULT_FEED_TOPIC})
  --brokers LIST    comma-separated host:port (else KAFKA_BROKERS, else ${DEFAULT_FEED_BROKERS})
  --group ID        consumer group whose offsets to use and commit (else a new group for this run, so
                    tailing never takes partitions from another consumer; --from-beginning applies only
                    to a group without committed offsets)
  --help            this text
`;

/** Bad arguments: the message is one line saying which and why. */
export class TailUsageError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

const FLAGS = ['from-beginning', 'json', 'help'] as const;
const VALUES = ['topic', 'brokers', 'group'] as const;
type Flag = (typeof FLAGS)[number];
type ValueOption = (typeof VALUES)[number];

const BROKER = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/;
const TOPIC = /^[A-Za-z0-9._-]{1,249}$/;

/** Reads the command line (and KAFKA_TOPIC, KAFKA_BROKERS); throws TailUsageError on bad arguments. */
export function tailOptions(
  argv: readonly string[],
  env: Env,
  freshGroupId: () => string = () => `events-tail-${randomBytes(6).toString('hex')}`,
): TailOptions {
  const flags = new Set<Flag>();
  const values = new Map<ValueOption, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') ? splitOnce(arg.slice(2), '=') : [undefined, undefined];
    if (name === undefined || name === '') throw new TailUsageError(`unexpected argument '${arg}'`);
    if ((FLAGS as readonly string[]).includes(name)) {
      if (inline !== undefined) throw new TailUsageError(`--${name} takes no value`);
      flags.add(name as Flag);
    } else if ((VALUES as readonly string[]).includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        throw new TailUsageError(`--${name} needs a value`);
      if (values.has(name as ValueOption)) throw new TailUsageError(`--${name} is given twice`);
      values.set(name as ValueOption, value);
    } else {
      throw new TailUsageError(`unknown option '--${name}'`);
    }
  }
  const [brokersSource, brokersText] = pick(
    values.get('brokers'),
    '--brokers',
    env.KAFKA_BROKERS,
    'KAFKA_BROKERS',
  );
  const [topicSource, topic] = pick(values.get('topic'), '--topic', env.KAFKA_TOPIC, 'KAFKA_TOPIC');
  return {
    brokers: checkedBrokers(brokersText ?? DEFAULT_FEED_BROKERS, brokersSource),
    topic: checkedTopic(topic ?? DEFAULT_FEED_TOPIC, topicSource),
    groupId: checkedGroup(values.get('group')) ?? freshGroupId(),
    fromBeginning: flags.has('from-beginning'),
    json: flags.has('json'),
    help: flags.has('help'),
  };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** The option when given, else the environment variable when set and not blank. */
function pick(
  option: string | undefined,
  optionName: string,
  variable: string | undefined,
  variableName: string,
): [string, string | undefined] {
  if (option !== undefined) return [optionName, option];
  if (variable?.trim()) return [variableName, variable];
  return [optionName, undefined];
}

function checkedBrokers(text: string, source: string): string[] {
  const brokers = text.split(',').map((broker) => broker.trim());
  const valid = (broker: string) => {
    const port = BROKER.exec(broker)?.[1];
    return port !== undefined && Number(port) >= 1 && Number(port) <= 65_535;
  };
  if (!brokers.every(valid))
    throw new TailUsageError(`${source} must be a comma-separated list of host:port, got '${text}'`);
  return brokers;
}

function checkedTopic(topic: string, source: string): string {
  if (!TOPIC.test(topic) || topic === '.' || topic === '..')
    throw new TailUsageError(`${source} must be a Kafka topic name (1 to 249 letters, digits or ._-)`);
  return topic;
}

function checkedGroup(group: string | undefined): string | undefined {
  if (group !== undefined && group.trim() === '') throw new TailUsageError('--group must not be empty');
  return group;
}
