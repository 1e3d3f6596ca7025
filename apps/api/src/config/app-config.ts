import { isAbsolute, resolve } from 'node:path';
import { type DatabaseLocation, type EventStoreLocation } from '../infrastructure/server-locations';
import { type KafkaSettings } from '../infrastructure/event-feed/kafka-settings';
import { type MailSettings } from '../infrastructure/mail/mail-settings';
import { driftCheckInterval } from './drift-check-interval';
import { eventFeedSettings } from './event-feed-settings';
import { mailSettings } from './mail-settings';
import { publicUrl } from './public-url';
import { databaseLocation, eventStoreLocation, instanceId } from './server-urls';

export type HttpAdapterKind = 'fastify' | 'express';

/** Everything the process reads from its environment, validated once at start. */
export type AppConfig = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  /** EVENT_STORE_URL: the embedded SQLite log unless a server is named. */
  eventStore: EventStoreLocation;
  /** DATABASE_URL: read model and state in SQLite files unless a server is named. */
  database: DatabaseLocation;
  /** INSTANCE_ID: this process among several sharing the servers. */
  instanceId: string;
  /** KAFKA_*: where the relay publishes every event; undefined (no relay) without KAFKA_BROKERS. */
  eventFeed?: KafkaSettings;
  /** SMTP_URL and MAIL_FROM: where mail goes; undefined (mail off, in-app notifications on) without SMTP_URL. */
  mail?: MailSettings;
  /** PUBLIC_URL: the console's address as people reach it, without a trailing slash (links in messages). */
  publicUrl: string;
  /** Folder SQLite connections may open files in; nothing outside it is ever read. */
  sqliteDatabasesDir: string;
  adminUsername: string;
  adminPassword?: string;
  secretsKey?: string;
  /** A file holding the key (as SECRETS_KEY would), so it can live outside the data folder. */
  secretsKeyFile?: string;
  tokenSecret?: string;
  /** AUDIT_KEY: signs the audit chain's checkpoints; kept outside the data folder (unset: unsigned, said at start). */
  auditKey?: string;
  /** AUDIT_VERIFY_AT_START: verify the whole log at each start (default), or only what follows the last signed checkpoint. */
  auditVerifyAtStart: 'full' | 'since-checkpoint';
  tokenTtlSeconds: number;
  /**
   * REFRESH_TOKEN_IDLE_SECONDS / REFRESH_TOKEN_MAX_SECONDS: a login's refresh token lapses after this
   * long without a refresh (sliding), and its family ends this long after the login whatever.
   */
  refreshTokens: Readonly<{ idleSeconds: number; maxSeconds: number }>;
  httpAdapter: HttpAdapterKind;
  consoleDir: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose' | 'silent';
  /** How long a write waits for the read model to catch up before answering (read-your-writes). */
  readYourWritesTimeoutMs: number;
  /** Request bodies nested deeper than this are refused (400) before they are parsed. */
  jsonMaxDepth: number;
  /** Idempotency-Keys: remembered for `ttlMs`; an attempt silent for `abandonAfterMs` is taken over by a retry. */
  idempotency: Readonly<{ ttlMs: number; abandonAfterMs: number }>;
  /** How often an open event stream (GET /api/stream) gets a heartbeat comment, so proxies keep it open. */
  streamHeartbeatMs: number;
  /** Failed logins tolerated per username and per client address within the window, then 429. */
  loginThrottle: Readonly<{
    maxFailuresPerUsername: number;
    maxFailuresPerAddress: number;
    windowMs: number;
  }>;
  /** DRIFT_CHECK_INTERVAL: how often one instance checks every environment's schema drift; 0: never. */
  driftCheckIntervalMs: number;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose', 'silent'] as const;

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const path = (raw: string) => (isAbsolute(raw) ? raw : resolve(cwd, raw));
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name} must be one of ${allowed.join(', ')}`);
    return fallback;
  };

  const dataDir = path(env.DATA_DIR || 'data');
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 8)
    problems.push('ADMIN_PASSWORD must have at least 8 characters');
  const adminUsername = env.ADMIN_USERNAME || 'admin';
  if (!/^[A-Za-z0-9._@-]{3,64}$/.test(adminUsername))
    problems.push('ADMIN_USERNAME must be 3 to 64 letters, digits or ._@-');
  const secretsKeyFile = env.SECRETS_KEY_FILE ? path(env.SECRETS_KEY_FILE) : undefined;
  if (secretsKeyFile !== undefined && env.SECRETS_KEY)
    problems.push('SECRETS_KEY and SECRETS_KEY_FILE are both set: set one of them');
  const tokenSecret = env.TOKEN_SECRET || undefined;
  if (tokenSecret !== undefined && tokenSecret.length < 32)
    problems.push('TOKEN_SECRET must have at least 32 characters');
  const auditKey = env.AUDIT_KEY || undefined;
  if (auditKey !== undefined && auditKey.length < 32)
    problems.push('AUDIT_KEY must have at least 32 characters');
  const eventStore = eventStoreLocation(env.EVENT_STORE_URL, problems);
  const database = databaseLocation(env.DATABASE_URL, problems);
  // Instances on shared servers must accept each other's tokens, so none may invent its own secret.
  if (tokenSecret === undefined && (env.EVENT_STORE_URL || env.DATABASE_URL))
    problems.push('TOKEN_SECRET is required when EVENT_STORE_URL or DATABASE_URL is set');
  // A key generated into one instance's DATA_DIR would not open what another instance encrypted.
  if (env.DATABASE_URL && !env.SECRETS_KEY && !env.SECRETS_KEY_FILE)
    problems.push('SECRETS_KEY or SECRETS_KEY_FILE is required when DATABASE_URL is set');

  const instance = instanceId(env.INSTANCE_ID, problems);
  const eventFeed = eventFeedSettings(env, instance, problems);
  const mail = mailSettings(env, problems);
  const port = int('PORT', 3000, 0, 65535);
  const config: AppConfig = {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir,
    eventStore,
    database,
    instanceId: instance,
    ...(eventFeed ? { eventFeed } : {}),
    ...(mail ? { mail } : {}),
    publicUrl: publicUrl(env.PUBLIC_URL, port, problems),
    sqliteDatabasesDir: path(env.SQLITE_DATABASES_DIR || resolve(dataDir, 'databases')),
    adminUsername,
    adminPassword,
    secretsKey: env.SECRETS_KEY || undefined,
    secretsKeyFile,
    tokenSecret,
    ...(auditKey ? { auditKey } : {}),
    auditVerifyAtStart: oneOf('AUDIT_VERIFY_AT_START', ['full', 'since-checkpoint'] as const, 'full'),
    tokenTtlSeconds: int('TOKEN_TTL_SECONDS', 900, 30, 86_400),
    refreshTokens: {
      idleSeconds: int('REFRESH_TOKEN_IDLE_SECONDS', 12 * 3600, 60, 30 * 86_400),
      maxSeconds: int('REFRESH_TOKEN_MAX_SECONDS', 7 * 86_400, 60, 365 * 86_400),
    },
    httpAdapter: oneOf('HTTP_ADAPTER', ['fastify', 'express'] as const, 'fastify'),
    consoleDir: path(env.CONSOLE_DIR || 'dist/console'),
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'log'),
    readYourWritesTimeoutMs: int('READ_YOUR_WRITES_TIMEOUT_MS', 2000, 0, 60_000),
    jsonMaxDepth: int('JSON_MAX_DEPTH', 64, 1, 1000),
    idempotency: {
      ttlMs: int('IDEMPOTENCY_TTL_HOURS', 24, 1, 8_760) * 3_600_000,
      abandonAfterMs: int('IDEMPOTENCY_ABANDON_AFTER_SECONDS', 30, 1, 600) * 1000,
    },
    streamHeartbeatMs: int('STREAM_HEARTBEAT_MS', 15_000, 50, 300_000),
    loginThrottle: {
      maxFailuresPerUsername: int('LOGIN_MAX_FAILURES', 10, 1, 1000),
      maxFailuresPerAddress: int('LOGIN_MAX_FAILURES_PER_ADDRESS', 100, 1, 100_000),
      windowMs: int('LOGIN_WINDOW_SECONDS', 900, 1, 86_400) * 1000,
    },
    driftCheckIntervalMs: driftCheckInterval(env.DRIFT_CHECK_INTERVAL, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
