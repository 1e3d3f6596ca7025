import { TailUsageError, tailOptions } from './tail-options';

const fresh = () => 'events-tail-fresh';
const read = (argv: string[], env: Record<string, string> = {}) => tailOptions(argv, env, fresh);

describe('tailOptions', () => {
  it('given no arguments and no environment, when read, then new events of the default topic on the local broker, as lines for people, in a fresh group', () => {
    expect(read([])).toEqual({
      brokers: ['127.0.0.1:9092'],
      topic: 'integration-builder.events',
      groupId: 'events-tail-fresh',
      fromBeginning: false,
      json: false,
      help: false,
    });
  });

  it('given KAFKA_BROKERS and KAFKA_TOPIC, when read without options, then they are used', () => {
    expect(read([], { KAFKA_BROKERS: 'k1:9092, k2:9093', KAFKA_TOPIC: 'ib.prod' })).toMatchObject({
      brokers: ['k1:9092', 'k2:9093'],
      topic: 'ib.prod',
    });
  });

  it('given options and the environment, when read, then the options win', () => {
    const options = read(['--brokers', '10.0.0.5:9092', '--topic=other'], {
      KAFKA_BROKERS: 'k1:9092',
      KAFKA_TOPIC: 'ib.prod',
    });

    expect(options).toMatchObject({ brokers: ['10.0.0.5:9092'], topic: 'other' });
  });

  it('given every option, when read, then each is taken', () => {
    expect(
      read(['--from-beginning', '--json', '--group', 'audit-sink', '--brokers=[::1]:9092', '--help']),
    ).toEqual({
      brokers: ['[::1]:9092'],
      topic: 'integration-builder.events',
      groupId: 'audit-sink',
      fromBeginning: true,
      json: true,
      help: true,
    });
  });

  it('given two runs without --group, when read, then each has a group of its own', () => {
    const first = tailOptions([], {}).groupId;
    const second = tailOptions([], {}).groupId;

    expect(first).toMatch(/^events-tail-[0-9a-f]{12}$/);
    expect(second).not.toBe(first);
  });

  it.each([
    [['--form-beginning'], "unknown option '--form-beginning'"],
    [['beginning'], "unexpected argument 'beginning'"],
    [['-f'], "unexpected argument '-f'"],
    [['--topic'], '--topic needs a value'],
    [['--topic', '--json'], '--topic needs a value'],
    [['--json=yes'], '--json takes no value'],
    [['--group', 'a', '--group', 'b'], '--group is given twice'],
    [['--group='], '--group must not be empty'],
    [['--brokers', 'localhost'], "--brokers must be a comma-separated list of host:port, got 'localhost'"],
    [['--brokers', 'k1:9092,'], '--brokers must be a comma-separated list of host:port'],
    [['--brokers', 'k1:99999'], '--brokers must be a comma-separated list of host:port'],
    [['--topic', 'bad topic'], '--topic must be a Kafka topic name'],
    [['--topic', '..'], '--topic must be a Kafka topic name'],
  ])('given %p, when read, then it is refused: %s', (argv, message) => {
    const reading = () => read(argv);

    expect(reading).toThrow(TailUsageError);
    expect(reading).toThrow(message);
  });

  it('given a malformed KAFKA_BROKERS, when read, then the refusal names the variable', () => {
    expect(() => read([], { KAFKA_BROKERS: 'kafka' })).toThrow(/^KAFKA_BROKERS must be/);
  });

  it('given blank KAFKA_BROKERS and KAFKA_TOPIC, when read, then the defaults are used', () => {
    expect(read([], { KAFKA_BROKERS: ' ', KAFKA_TOPIC: '' })).toMatchObject({
      brokers: ['127.0.0.1:9092'],
      topic: 'integration-builder.events',
    });
  });
});
