import { randomUUID } from 'node:crypto';

/**
 * A synthetic audit log shaped like the product's: requests of users (and of the system, for process
 * steps) append one to three events to streams of every category, each stream living in one
 * environment, user streams in none; time moves a few seconds per request. Deterministic (seeded),
 * so runs compare.
 */
export type AuditLogRow = Readonly<{
  eventId: string;
  streamId: string;
  type: string;
  data: string;
  metadata: string;
  recordedAt: string;
}>;

/** What the queries of the benchmark pick their values from. */
export type AuditLogFacts = {
  events: number;
  /** Users by how many events they caused, most first. */
  actors: string[];
  streamsByCategory: Map<string, string[]>;
  correlationIds: string[];
  userStreamsByEnvironment: Map<string, string[]>;
  firstRecordedAt: string;
  lastRecordedAt: string;
};

export const ENVIRONMENTS = ['development', 'qa', 'production'] as const;
const ENVIRONMENT_WEIGHTS = [0.6, 0.25, 0.15];
const USERS = 300;
const SECONDS_PER_REQUEST = 3;

/** Category, share of requests, event types (the first creates the stream), share of system actors. */
const CATEGORIES: readonly (readonly [string, number, readonly string[], number])[] = [
  [
    'integration',
    0.38,
    [
      'IntegrationCreated',
      'ConnectionSelected',
      'DatabaseSelected',
      'IntegrationTablesAdded',
      'EntityRenamed',
      'IntegrationDetailsChanged',
    ],
    0,
  ],
  [
    'publication',
    0.16,
    [
      'IntegrationPublishRequested',
      'SchemaValidated',
      'PackageGenerated',
      'DependenciesChecked',
      'IntegrationPublished',
    ],
    0.8,
  ],
  ['integration-publications', 0.04, ['PublicationStarted'], 0],
  ['integration-deployments', 0.08, ['VersionPromoted', 'ConnectionBound'], 0],
  ['connection', 0.08, ['ConnectionCreated', 'ConnectionTested'], 0],
  [
    'connection-request',
    0.08,
    ['ConnectionRequested', 'ConnectionRequestApproved', 'ConnectionRequestRejected'],
    0,
  ],
  ['api-key', 0.05, ['ApiKeyCreated', 'ApiKeyRevoked'], 0],
  ['republish', 0.03, ['RepublishStarted', 'IntegrationRepublished', 'RepublishFinished'], 0.7],
  ['dependency', 0.02, ['DependencyUpdateInstalled'], 0],
  ['user', 0.04, ['UserRegistered', 'UserRolesChanged', 'UserLoggedOut'], 0],
];

/** Mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, items: readonly T[], weights?: readonly number[]): T => {
  if (!weights) return items[Math.floor(next() * items.length)];
  let r = next();
  for (let index = 0; index < items.length; index++) if ((r -= weights[index]) < 0) return items[index];
  return items[items.length - 1];
};

/** `count` events, streamed; `facts` is complete once the iteration ends. */
export function auditLog(count: number, seed = 7): { rows: Iterable<AuditLogRow>; facts: AuditLogFacts } {
  const next = random(seed);
  const users = Array.from({ length: USERS }, () => randomUUID());
  // A few users do most of the work (Zipf-like).
  const userWeights = users.map((_, index) => 1 / (index + 1));
  const total = userWeights.reduce((sum, weight) => sum + weight, 0);
  const normalised = userWeights.map((weight) => weight / total);
  const started = Date.parse('2025-01-01T00:00:00.000Z');
  const facts: AuditLogFacts = {
    events: 0,
    actors: users,
    streamsByCategory: new Map(CATEGORIES.map(([category]) => [category, []])),
    correlationIds: [],
    userStreamsByEnvironment: new Map(ENVIRONMENTS.map((environment) => [environment, []])),
    firstRecordedAt: new Date(started).toISOString(),
    lastRecordedAt: '',
  };
  const streamEnvironment = new Map<string, string>();
  function* rows(): Iterable<AuditLogRow> {
    for (let request = 0; facts.events < count; request++) {
      const [category, , types, systemShare] = pick(
        next,
        CATEGORIES,
        CATEGORIES.map(([, share]) => share),
      );
      const streams = facts.streamsByCategory.get(category) ?? [];
      // Users register rarely and then change roles or log out; other objects are created all the time.
      const fresh = streams.length === 0 || next() < (category === 'user' ? 0.02 : 0.25);
      const streamId = fresh
        ? `${category}-${category === 'user' ? `user${streams.length}` : randomUUID()}`
        : pick(next, streams);
      if (fresh) {
        streams.push(streamId);
        const environment = pick(next, ENVIRONMENTS, ENVIRONMENT_WEIGHTS);
        streamEnvironment.set(streamId, environment);
        if (category === 'user') facts.userStreamsByEnvironment.get(environment)?.push(streamId);
      }
      const environment = streamEnvironment.get(streamId) ?? 'development';
      const actorId = next() < systemShare ? 'system' : pick(next, users, normalised);
      const correlationId = randomUUID();
      if (request % 97 === 0) facts.correlationIds.push(correlationId);
      const recordedAt = new Date(started + request * SECONDS_PER_REQUEST * 1000).toISOString();
      const events = fresh ? 1 : 1 + Math.floor(next() * 3);
      for (let index = 0; index < events && facts.events < count; index++) {
        const type = fresh ? types[0] : pick(next, types.slice(1).length > 0 ? types.slice(1) : types);
        const data =
          category === 'user'
            ? {
                userId: streamId,
                roles: [{ environment, role: 'developer' }],
                changedBy: actorId,
                changedAt: recordedAt,
              }
            : { id: streamId, name: `Thing ${request}`, detail: 'x'.repeat(80), at: recordedAt };
        facts.events++;
        facts.lastRecordedAt = recordedAt;
        yield {
          eventId: randomUUID(),
          streamId,
          type,
          data: JSON.stringify(data),
          metadata: JSON.stringify({
            actorId,
            correlationId,
            causationId: correlationId,
            ...(category === 'user' ? {} : { environment }),
          }),
          recordedAt,
        };
      }
    }
  }
  return { rows: rows(), facts };
}
