import { ConcurrencyError, type EventMetadata } from '@ib/domain';
import {
  type EventStore,
  type NewEvent,
} from '../../apps/api/src/infrastructure/event-store/event-store.port';
import { uuidv7 } from '../../apps/api/src/infrastructure/ids';

export const metadata: EventMetadata = {
  actorId: 'user-ada',
  correlationId: 'correlation-1',
  causationId: 'causation-1',
  environment: 'development',
};

/** A unique stream per test, so the suite also runs against a store that other tests share. */
export const aStream = (prefix = 'integration'): string => `${prefix}-${uuidv7()}`;

export const anEvent = (data: Record<string, unknown> = {}, type = 'SomethingHappened'): NewEvent => ({
  eventId: uuidv7(),
  type,
  data,
  metadata,
});

export const someEvents = (count: number, type = 'SomethingHappened'): NewEvent[] =>
  Array.from({ length: count }, (_, index) => anEvent({ index }, type));

export const range = (from: number, count: number): number[] =>
  Array.from({ length: count }, (_, index) => from + index);

export async function waitFor(
  condition: () => boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One optimistic writer: read the version, append with it, and on a conflict read again and retry.
 * Returns the ids it wrote and how many conflicts it met.
 */
export async function appendWithRetries(
  store: EventStore,
  streamId: string,
  appends: number,
  eventsPerAppend = 1,
): Promise<{ written: string[]; conflicts: number }> {
  const written: string[] = [];
  let conflicts = 0;
  for (let index = 0; index < appends; index++) {
    const events = someEvents(eventsPerAppend);
    for (let attempt = 0; ; attempt++) {
      if (attempt > 10_000) throw new Error('An appender never got its turn');
      const { version } = await store.readStream(streamId);
      // Yield so the other appenders read the same version: the race this suite is about.
      await pause(Math.random() < 0.5 ? 0 : 1);
      try {
        await store.append(streamId, events, { expectedVersion: version });
        written.push(...events.map((event) => event.eventId));
        break;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        conflicts++;
      }
    }
  }
  return { written, conflicts };
}
