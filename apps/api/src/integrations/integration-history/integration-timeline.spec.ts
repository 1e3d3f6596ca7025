import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  integrationPublicationsStreamId,
  integrationStreamId,
  NotFoundError,
  publicationStreamId,
} from '@ib/domain';
import { type AuthenticatedUser } from '../../identity';
import { type NewEvent } from '../../infrastructure/event-store/event-store.port';
import { SqliteEventStore } from '../../infrastructure/event-store/sqlite-event-store';
import { readableHistory, readablePast } from '../../infrastructure/history/past-reading';
import { projectAll } from '../../infrastructure/read-model/projection';
import { integrationsProjection } from '../integration-queries/integrations.projection';
import { integrationPast } from './integration-timeline';

const integrationId = '0190a000-0000-7000-8000-0000000000i1';
const publicationId = '0190a000-0000-7000-8000-0000000000p1';
const at = '2025-03-04T05:06:07.000Z';
let ids = 0;

const event = (type: string, data: object): NewEvent => ({
  eventId: `0190a000-0000-7000-8000-${String(++ids).padStart(12, '0')}`,
  type,
  data,
  metadata: { actorId: 'alice', correlationId: 'c', causationId: 'c', environment: 'dev' },
});

const userOf = (environment: string): AuthenticatedUser => ({
  id: 'u',
  username: 'u',
  roles: [{ environment, role: 'developer' }],
  owner: false,
  environment,
});

describe('an integration’s past, from its own stream and those of its publications', () => {
  let folder: string;
  let store: SqliteEventStore;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ib-integration-past-'));
    store = new SqliteEventStore({ file: join(folder, 'events.sqlite') });
    const integration = integrationStreamId(integrationId);
    await store.append(
      integration,
      [
        event('IntegrationCreated', {
          integrationId,
          environment: 'dev',
          provider: 'sqlite',
          applicationName: 'Sales',
          moduleName: 'Sales_IS',
          description: '',
          createdBy: 'alice',
          createdAt: at,
        }),
        event('IntegrationDatabaseSelected', { integrationId, database: 'main', selectedAt: at }),
      ],
      { expectedVersion: 'no_stream' },
    );
    await store.append(
      integrationPublicationsStreamId(integrationId),
      [
        event('PublicationStarted', {
          integrationId,
          publicationId,
          integrationVersion: 1,
          version: 1,
          startedBy: 'alice',
          startedAt: at,
        }),
      ],
      { expectedVersion: 'no_stream' },
    );
    await store.append(
      publicationStreamId(publicationId),
      [
        event('IntegrationPublished', {
          publicationId,
          integrationId,
          integrationVersion: 1,
          version: 1,
          environment: 'dev',
          packageHash: 'sha256:0',
          publishedAt: at,
        }),
      ],
      { expectedVersion: 'no_stream' },
    );
    await store.append(
      integration,
      [
        event('IntegrationDetailsChanged', {
          integrationId,
          applicationName: 'Sales 2',
          moduleName: 'Sales_IS',
          description: '',
          changedAt: at,
        }),
      ],
      { expectedVersion: 1 },
    );
  });
  afterAll(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('given its publication between two changes, when its latest version is asked, then it is what the stored view holds', async () => {
    const everything = await store.readAll({ fromPosition: 0, limit: 100 });
    const stored = projectAll(integrationsProjection, everything).get(integrationId);

    const past = readablePast(await integrationPast(store, userOf('dev'), integrationId), { version: 2 });

    expect(past.document).toEqual(stored);
    expect(past.document).toMatchObject({ publishedVersion: 1, unpublishedChanges: true });
  });

  it('given its publication, when its history is read, then the publication is a step of it, at the version it published', async () => {
    const steps = readableHistory(await integrationPast(store, userOf('dev'), integrationId));

    expect(steps.map(({ type, version }) => [type, version])).toEqual([
      ['IntegrationCreated', 0],
      ['IntegrationDatabaseSelected', 1],
      ['IntegrationPublished', 1],
      ['IntegrationDetailsChanged', 2],
    ]);
  });

  it('given a developer of another environment, when its past is asked, then it does not exist for them', async () => {
    const reading = await integrationPast(store, userOf('prod'), integrationId);

    expect(() => readableHistory(reading)).toThrow(NotFoundError);
    expect(() => readablePast(reading, { version: 0 })).toThrow(NotFoundError);
  });
});
