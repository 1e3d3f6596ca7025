import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent } from '@ib/domain';
import { createSqliteEventStore } from '../apps/api/src/infrastructure/event-store/sqlite-event-store';
import { uuidv7 } from '../apps/api/src/infrastructure/ids';
import { SAMPLE_CONNECTION_ID, createIntegration, finished, published } from './support/publishing';
import { ADMIN, bearer, startTestApp } from './support/test-app';

const MINUTE = 60_000;

/**
 * A process stopped in the middle of a publication left its events behind. The next start must take
 * the publication over from its events (once no one else can still be on it) and finish it.
 */
describe('a restart in the middle of a publication', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ib-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('resumes the publication from its next step and deploys it', async () => {
    // Given an integration published once, by a process that then stopped
    const first = await startTestApp({ DATA_DIR: dataDir });
    const token = await first.login(ADMIN.username, ADMIN.password);
    const integrationId = await createIntegration(first, token, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
    expect(await published(first, token, integrationId)).toMatchObject({ status: 'published', version: 1 });
    const all: RecordedEvent[] = await first.store.readAll({ fromPosition: 0, limit: 10_000 });
    const integrationVersion = all.filter((e) => e.streamId === `integration-${integrationId}`).length - 1;
    const metadata = all.find((e) => e.type === 'IntegrationPublishRequested')!.metadata;
    await first.close();

    // And a second publication that stopped after its schema step (as a crash would leave it)
    const publicationId = uuidv7();
    const store = createSqliteEventStore(dataDir);
    const at = new Date().toISOString();
    const ref = { publicationId, integrationId };
    await store.append(
      `publication-${publicationId}`,
      [
        {
          eventId: uuidv7(),
          type: 'IntegrationPublishRequested',
          data: {
            ...ref,
            integrationVersion,
            version: 2,
            environment: 'development',
            requestedBy: metadata.actorId,
            requestedAt: at,
          },
          metadata,
        },
        {
          eventId: uuidv7(),
          type: 'SchemaValidated',
          data: { ...ref, tables: ['customers'], validatedAt: at },
          metadata,
        },
      ],
      { expectedVersion: 'no_stream' },
    );
    await store.close();

    // When the application starts again, later than a running publication may stay untouched
    const later = { now: () => new Date(Date.now() + MINUTE) };
    const second = await startTestApp({ DATA_DIR: dataDir }, { clock: later });
    try {
      const again = await second.login(ADMIN.username, ADMIN.password);

      // Then the publication is finished from where it stopped, and version 2 is deployed
      const publication = await finished(second, again, publicationId);
      expect(publication).toMatchObject({ status: 'published', version: 2 });
      const events: RecordedEvent[] = await second.store.readAll({ fromPosition: 0, limit: 10_000 });
      expect(events.filter((e) => e.streamId === `publication-${publicationId}`).map((e) => e.type)).toEqual([
        'IntegrationPublishRequested',
        'SchemaValidated',
        'PackageGenerated',
        'DependenciesChecked',
        'IntegrationPublished',
      ]);
      const deployed = events.filter((e) => e.type === 'VersionDeployed').at(-1);
      expect(deployed?.data).toMatchObject({ integrationId, version: 2, environment: 'development' });

      // And the data API serves the resumed version
      await second
        .http()
        .get(`/api/data/development/${integrationId}/customers?limit=1`)
        .set(bearer(again))
        .expect(200);
    } finally {
      await second.close();
    }
  });
});
