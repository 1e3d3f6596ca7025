import { rmSync } from 'node:fs';
import { createSqliteEventStore } from '../../apps/api/src/infrastructure/event-store/sqlite-event-store';
import {
  type ApiProcess,
  buildApi,
  call,
  login,
  PROCESS_ADMIN_PASSWORD,
  startApiProcess,
  stopApiProcess,
  until,
} from '../support/api-process';
import { kafkaBrokers, readTopic, uniqueTopic } from '../support/kafka';

type RelayStatus = { name: string; position: number; head: number };

const relayOf = async (api: ApiProcess, token: string) =>
  ((await call(api, 'GET', '/api/projections', token)).body.processes as RelayStatus[]).find(
    ({ name }) => name === 'event-feed',
  );

describe('the relay in an API process (SQLite log, real broker)', () => {
  beforeAll(() => buildApi(), 120_000);

  it('given the process killed with SIGKILL right after a burst of commands, when it starts again on the same data, then the relay resumes from its checkpoint and every event reaches the topic', async () => {
    const topic = uniqueTopic('ib-feed-killed');
    const env = { KAFKA_BROKERS: kafkaBrokers(), KAFKA_TOPIC: topic };
    const first = await startApiProcess('api-relay', env);
    const { dataDir } = first;
    try {
      const token = await login(first, 'admin', PROCESS_ADMIN_PASSWORD);
      const burst = await Promise.all(
        Array.from({ length: 80 }, (_, index) =>
          call(first, 'POST', '/api/integrations', token, {
            provider: 'sqlite',
            applicationName: `Burst ${index}`,
          }),
        ),
      );
      expect(burst.every(({ status }) => status === 201)).toBe(true);
      const beforeKill = (await relayOf(first, token))?.position ?? 0;

      await stopApiProcess(first, 'SIGKILL', { keepData: true });
      const second = await startApiProcess('api-relay', env, dataDir);
      try {
        const again = await login(second, 'admin', PROCESS_ADMIN_PASSWORD);
        const relay = await until(
          async () => {
            const status = await relayOf(second, again);
            return status && status.position >= status.head ? status : undefined;
          },
          'the relay to catch up after the restart',
          60_000,
        );
        const log = createSqliteEventStore(dataDir);
        const stored = await log.readAll({ fromPosition: 0, limit: 1_000_000 });
        await log.close();

        const read = await readTopic(
          topic,
          (messages) => new Set(messages.map(({ event }) => event.eventId)).size >= stored.length,
        );

        expect(relay.position).toBeGreaterThanOrEqual(beforeKill);
        expect(new Set(read.map(({ event }) => event.eventId))).toEqual(
          new Set(stored.map(({ eventId }) => eventId)),
        );
      } finally {
        await stopApiProcess(second, 'SIGTERM', { keepData: true });
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
