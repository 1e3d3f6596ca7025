import { type NewEvent } from '../../apps/api/src/infrastructure/event-store/event-store.port';
import { uuidv7 } from '../../apps/api/src/infrastructure/ids';

const metadata = {
  actorId: 'user-0190a1b2-0000-7000-8000-000000000001',
  correlationId: 'correlation-0190a1b2-0000-7000-8000-000000000002',
  causationId: 'causation-0190a1b2-0000-7000-8000-000000000003',
  environment: 'development',
};

/**
 * The event the append benchmarks write: a realistic payload (~200 bytes of JSON). Events are built
 * before timing, so only the store is measured.
 */
export const benchEvent = (index: number): NewEvent => ({
  eventId: uuidv7(),
  type: 'IntegrationTablesAdded',
  schemaVersion: 1,
  data: {
    integrationId: `integration-${index}`,
    database: 'chinook',
    tables: [{ name: 'Album', kind: 'table', primaryKey: ['AlbumId'], attributes: 3 }],
    addedAt: '2025-01-01T00:00:00.000Z',
  },
  metadata: { ...metadata },
});
