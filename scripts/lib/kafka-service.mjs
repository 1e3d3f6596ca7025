// A private single-node Kafka broker (KRaft, broker and controller in one JVM) for tests and benchmarks:
// the jars from Maven Central (scripts/kafka/pom.xml, copied once into .services/kafka/libs), its data,
// logs and pid under .services/kafka, never a system service. Node built-ins only, like the MariaDB one.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive, logTail, portFrom, readText, stopService, terminate, which } from './service-process.mjs';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const POM = join(REPO_ROOT, 'scripts', 'kafka', 'pom.xml');
const HOME = join(REPO_ROOT, '.services', 'kafka');
const FILES = {
  libs: join(HOME, 'libs'),
  libsMarker: join(HOME, 'libs', '.from-pom'),
  data: join(HOME, 'data'),
  logs: join(HOME, 'logs'),
  pid: join(HOME, 'kafka.pid'),
  log: join(HOME, 'kafka.log'),
  port: join(HOME, 'port'),
  clusterId: join(HOME, 'cluster.id'),
  properties: join(HOME, 'server.properties'),
  log4j: join(HOME, 'log4j.properties'),
};
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const STARTED_LINE = 'Kafka Server started';

const log = (message) => process.stderr.write(`[kafka] ${message}\n`);

/** `host:port` of the broker; the port is the running instance's, else KAFKA_PORT, else 9192. */
export function kafkaBrokers() {
  const port = (kafkaStatus().running && readText(FILES.port)) || requestedPort();
  return `127.0.0.1:${port}`;
}

/** `{ running: true, pid }` when the pid file names a live broker of ours, else `{ running: false }`. */
export function kafkaStatus() {
  const pid = Number(readText(FILES.pid));
  if (Number.isInteger(pid) && pid > 0 && isOurBroker(pid)) return { running: true, pid };
  const orphan = findOrphan();
  if (orphan === undefined) return { running: false };
  log(`pid file missing, but pid ${orphan} runs with our configuration: recorded again`);
  writeFileSync(FILES.pid, `${orphan}\n`);
  return { running: true, pid: orphan };
}

/** Gathers the jars when absent, formats the data folder once, starts the broker when stopped. */
export async function startKafka() {
  if (kafkaStatus().running) return { brokers: kafkaBrokers(), started: false };
  const java = which('java');
  if (!java)
    throw new Error(
      'java is not installed (Kafka needs a JDK 17; apt-get install -y openjdk-17-jdk-headless)',
    );
  mkdirSync(HOME, { recursive: true });
  ensureJars();
  const port = requestedPort();
  writeConfiguration(port);
  if (!existsSync(join(FILES.data, 'meta.properties'))) formatStorage(java);

  rmSync(FILES.pid, { force: true });
  rmSync(FILES.port, { force: true });
  const logStart = existsSync(FILES.log) ? readFileSync(FILES.log).length : 0;
  const started = Date.now();
  const child = spawnBroker(java);
  writeFileSync(FILES.pid, `${child.pid}\n`);
  try {
    await waitUntilServing(child, port, logStart);
  } catch (error) {
    await terminate(child.pid, { log, timeoutMs: STOP_TIMEOUT_MS });
    rmSync(FILES.pid, { force: true });
    throw error;
  }
  writeFileSync(FILES.port, `${port}\n`);
  log(`started pid ${child.pid} on 127.0.0.1:${port} in ${Date.now() - started} ms`);
  return { brokers: kafkaBrokers(), started: true };
}

/** Stops the broker named by the pid file (TERM, then KILL after 30 s); a no-op when stopped. */
export async function stopKafka() {
  const status = kafkaStatus();
  return stopService({ status, pidFile: FILES.pid, portFile: FILES.port, log, timeoutMs: STOP_TIMEOUT_MS });
}

function requestedPort() {
  return portFrom('KAFKA_PORT', 9192, 65534);
}

// The jars are copied by Maven from Central (its own cache in ~/.m2); the marker holds the POM they came
// from, so a changed POM gathers them again.
function ensureJars() {
  const pom = readFileSync(POM, 'utf8');
  if (readText(FILES.libsMarker) === pom.trim()) return;
  const mvn = which('mvn');
  if (!mvn) throw new Error('mvn is not installed (apt-get install -y maven): it fetches the Kafka jars');
  log('copying the Kafka jars from Maven Central (once)');
  const scratch = `${FILES.libs}.tmp`;
  rmSync(scratch, { recursive: true, force: true });
  const result = spawnSync(
    mvn,
    [
      '-q',
      '-B',
      '-f',
      POM,
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${scratch}`,
    ],
    { stdio: ['ignore', process.stderr, process.stderr] },
  );
  if (result.status !== 0) throw new Error('mvn could not copy the Kafka jars (see above)');
  writeFileSync(join(scratch, '.from-pom'), `${pom.trim()}\n`);
  rmSync(FILES.libs, { recursive: true, force: true });
  renameSync(scratch, FILES.libs);
}

function writeConfiguration(port) {
  const controller = port + 1;
  writeFileSync(
    FILES.properties,
    [
      'process.roles=broker,controller',
      'node.id=1',
      `controller.quorum.voters=1@127.0.0.1:${controller}`,
      `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controller}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
      'controller.listener.names=CONTROLLER',
      'inter.broker.listener.name=PLAINTEXT',
      'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      `log.dirs=${FILES.data}`,
      'num.partitions=3',
      // One node: every internal topic has one replica; few partitions keep a cold start short on 2 cores.
      'offsets.topic.replication.factor=1',
      'offsets.topic.num.partitions=3',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      'transaction.state.log.num.partitions=3',
      'group.initial.rebalance.delay.ms=0',
      // Topics exist because someone created them: the relay creates its own, a typo fails loudly.
      'auto.create.topics.enable=false',
      '',
    ].join('\n'),
  );
  writeFileSync(
    FILES.log4j,
    [
      'log4j.rootLogger=WARN, stdout',
      'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
      'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
      'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
      // Its "started" line is how the script knows the broker serves.
      'log4j.logger.kafka.server.KafkaRaftServer=INFO',
      '',
    ].join('\n'),
  );
}

// The cluster id is 16 random bytes in base64url without padding; one that starts with '-' would read
// as an option.
function clusterId() {
  const kept = readText(FILES.clusterId);
  if (kept) return kept;
  let id;
  do id = randomBytes(16).toString('base64url');
  while (id.startsWith('-'));
  writeFileSync(FILES.clusterId, `${id}\n`);
  return id;
}

function formatStorage(java) {
  log(`formatting ${FILES.data}`);
  rmSync(FILES.data, { recursive: true, force: true });
  const result = spawnSync(
    java,
    [...jvmArgs(), 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', FILES.properties],
    { encoding: 'utf8' },
  );
  if (result.status !== 0)
    throw new Error(`kafka-storage format failed:\n${(result.stderr || result.stdout || '').trim()}`);
}

function jvmArgs() {
  return [
    '-Xms256m',
    '-Xmx512m',
    '-XX:+UseG1GC',
    '-Djava.awt.headless=true',
    `-Dkafka.logs.dir=${FILES.logs}`,
    `-Dlog4j.configuration=file:${FILES.log4j}`,
    '-cp',
    `${FILES.libs}/*`,
  ];
}

function spawnBroker(java) {
  const out = openSync(FILES.log, 'a');
  const child = spawn(java, [...jvmArgs(), 'kafka.Kafka', FILES.properties], {
    detached: true,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  child.unref();
  child.on('error', () => undefined);
  return child;
}

async function waitUntilServing(child, port, logStart) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `the broker exited (${child.exitCode ?? child.signalCode}) while starting\n${logTail(FILES.log)}`,
      );
    const startedLine = readFileSync(FILES.log).subarray(logStart).toString('utf8').includes(STARTED_LINE);
    if (startedLine && (await accepts(port))) return;
    if (Date.now() > deadline)
      throw new Error(`the broker did not serve within ${START_TIMEOUT_MS / 1000} s\n${logTail(FILES.log)}`);
    await sleep(250);
  }
}

function accepts(port) {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      done(true);
    });
    socket.on('error', () => done(false));
  });
}

// A stale pid file may name a pid reused by an unrelated process: ours runs kafka.Kafka on our file.
function isOurBroker(pid) {
  if (!isAlive(pid)) return false;
  const command = readText(`/proc/${pid}/cmdline`);
  return command === undefined ? true : command.split('\0').includes(FILES.properties);
}

function findOrphan() {
  if (!existsSync('/proc')) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const command = readText(`/proc/${entry}/cmdline`)?.split('\0') ?? [];
    if (command.includes('kafka.Kafka') && command.includes(FILES.properties) && isAlive(Number(entry)))
      return Number(entry);
  }
  return undefined;
}
