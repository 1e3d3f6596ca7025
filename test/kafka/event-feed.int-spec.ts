import { type RecordedEvent } from '@ib/domain';
import { createIntegration, eventually, publishedOrFail, SAMPLE_CONNECTION_ID } from '../support/publishing';
import { kafkaBrokers, privateBroker, readTopic, type ReadMessage, uniqueTopic } from '../support/kafka';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';

const CONNECTION_PASSWORD = 'feed-secret-connection-pw-1';
const DEVELOPER_PASSWORD = 'dana-feed-password-1';

type RelayStatus = { position: number; head: number; lag: number; state: string };

/** The app with the relay on, publishing to a topic of its own on the integration broker. */
async function appOnTopic(topic: string): Promise<TestApp> {
  return startTestApp({ KAFKA_BROKERS: kafkaBrokers(), KAFKA_TOPIC: topic, INSTANCE_ID: 'api-feed' });
}

async function relayOf(t: TestApp, token: string): Promise<RelayStatus> {
  const { body } = await t.http().get('/api/projections').set(bearer(token)).expect(200);
  return (body.processes as ({ name: string } & RelayStatus)[]).find(({ name }) => name === 'event-feed')!;
}

async function relayCaughtUp(t: TestApp, token: string, timeoutMs: number): Promise<RelayStatus> {
  const head = await t.store.headPosition();
  return eventually(
    async () => {
      const relay = await relayOf(t, token);
      return relay.position >= head ? relay : undefined;
    },
    'the relay to reach the head',
    timeoutMs / 25,
  );
}

const storedEvents = (t: TestApp): Promise<RecordedEvent[]> =>
  t.store.readAll({ fromPosition: 0, limit: 1_000_000 });

/** The messages read, duplicates (by event id) dropped, each stream's events in the order read. */
function firstOfEach(messages: readonly ReadMessage[]): ReadMessage[] {
  const seen = new Set<string>();
  return messages.filter(({ event }) => !seen.has(event.eventId) && seen.add(event.eventId));
}

function streamVersionsByKey(messages: readonly ReadMessage[]): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  for (const { key, event } of messages) byKey.set(key, [...(byKey.get(key) ?? []), event.streamVersion]);
  return byKey;
}

describe('the event feed on a real Kafka broker', () => {
  it('given a full scenario (wizard, request and approval, publish, promote, API key), then every event arrives once after dedup, in stream order per key, with its headers, and no secret appears in any message', async () => {
    const topic = uniqueTopic('ib-feed-scenario');
    const t = await appOnTopic(topic);
    try {
      const admin = await t.login(ADMIN.username, ADMIN.password);
      await t
        .http()
        .post('/api/users')
        .set(bearer(admin))
        .send({
          username: 'dana',
          password: DEVELOPER_PASSWORD,
          roles: [{ environment: 'development', role: 'developer' }],
        })
        .expect(201);
      const dana = await t.login('dana', DEVELOPER_PASSWORD);
      const requested = await t
        .http()
        .post('/api/connection-requests')
        .set(bearer(dana))
        .send({
          name: 'Orders',
          provider: 'mysql',
          details: { host: 'db.local', username: 'orders' },
          password: CONNECTION_PASSWORD,
        })
        .expect(201);
      await t
        .http()
        .post(`/api/connection-requests/${requested.body.id as string}/approve`)
        .set(bearer(admin))
        .expect(200);
      const integrationId = await createIntegration(t, admin, {
        applicationName: 'Fed shop',
        connectionId: SAMPLE_CONNECTION_ID,
        tables: ['customers'],
      });
      await publishedOrFail(t, admin, integrationId);
      await t
        .http()
        .post('/api/environments')
        .set(bearer(admin))
        .send({ name: 'qa', kind: 'qa' })
        .expect(201);
      const qaAdmin = await t.login(ADMIN.username, ADMIN.password, 'qa');
      await eventually(async () => {
        const promoted = await t
          .http()
          .post(`/api/integrations/${integrationId}/deployments`)
          .set(bearer(qaAdmin))
          .send({ version: 1, environment: 'qa' });
        return promoted.status < 300 ? promoted : undefined;
      }, 'the promotion to qa');
      const key = await t
        .http()
        .post('/api/environments/development/api-keys')
        .set(bearer(admin))
        .send({ appName: 'Fed app' })
        .expect(201);
      await relayCaughtUp(t, admin, 30_000);
      const stored = await storedEvents(t);

      const read = await readTopic(topic, (messages) => firstOfEach(messages).length >= stored.length);

      const unique = firstOfEach(read);
      expect(unique.map(({ event }) => event.eventId).sort()).toEqual(
        stored.map(({ eventId }) => eventId).sort(),
      );
      const expectedVersions = streamVersionsByKey(
        stored.map((event) => ({ key: event.streamId, event }) as unknown as ReadMessage),
      );
      expect(streamVersionsByKey(unique)).toEqual(expectedVersions);
      for (const { key: messageKey, headers, event } of unique) {
        expect(messageKey).toBe(event.streamId);
        expect(headers).toEqual({
          'event-id': event.eventId,
          'event-type': event.type,
          'content-type': 'application/json',
        });
      }
      const types = new Set(unique.map(({ event }) => event.type as string));
      for (const type of [
        'ConnectionRequested',
        'ConnectionRequestApproved',
        'IntegrationCreated',
        'VersionDeployed',
        'ApiKeyCreated',
      ])
        expect(types).toContain(type);
      const deployedTo = unique
        .filter(({ event }) => event.type === 'VersionDeployed')
        .map(({ event }) => (event.data as { environment: string }).environment);
      expect(deployedTo).toEqual(expect.arrayContaining(['development', 'qa']));
      const everything = read.map(({ value, headers }) => value + JSON.stringify(headers)).join('\n');
      for (const secret of [CONNECTION_PASSWORD, DEVELOPER_PASSWORD, ADMIN.password, key.body.key as string])
        expect(everything).not.toContain(secret);
    } finally {
      await t.close();
    }
  }, 120_000);

  it('given commands going on while the broker is stopped for 30 s, then they all succeed, /ready names the relay as degraded, and after the restart no event is lost, duplicates only repeat a seen event id, and the lag returns to 0', async () => {
    const topic = uniqueTopic('ib-feed-outage');
    const t = await appOnTopic(topic);
    try {
      const admin = await t.login(ADMIN.username, ADMIN.password);
      await relayCaughtUp(t, admin, 30_000);
      const statuses: number[] = [];
      let load = true;
      const steady = (async () => {
        for (let index = 0; load; index++) {
          const created = await t
            .http()
            .post('/api/integrations')
            .set(bearer(admin))
            .send({ provider: 'sqlite', applicationName: `Steady ${index}` });
          statuses.push(created.status);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      let degraded: unknown;
      try {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        privateBroker('stop');
        const stoppedAt = Date.now();
        degraded = await eventually(
          async () => {
            const { body } = await t.http().get('/ready').expect(200);
            return body.degraded === undefined ? undefined : body;
          },
          '/ready to name the relay',
          800,
        );
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, 30_000 - (Date.now() - stoppedAt))));
      } finally {
        privateBroker('start');
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      load = false;
      await steady;

      expect(degraded).toEqual({ status: 'ready', degraded: ['event-feed'] });
      expect(statuses.length).toBeGreaterThan(100);
      expect(statuses.every((status) => status === 201)).toBe(true);
      const relay = await relayCaughtUp(t, admin, 60_000);
      expect(relay).toMatchObject({ lag: 0, state: 'running' });
      const stored = await storedEvents(t);
      const read = await readTopic(topic, (messages) => firstOfEach(messages).length >= stored.length);
      const storedIds = new Set(stored.map(({ eventId }) => eventId));
      expect(new Set(read.map(({ event }) => event.eventId))).toEqual(storedIds);
      expect(streamVersionsByKey(firstOfEach(read))).toEqual(
        streamVersionsByKey(
          stored.map((event) => ({ key: event.streamId, event }) as unknown as ReadMessage),
        ),
      );
    } finally {
      await t.close();
    }
  }, 180_000);
});
