import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { integrationStreamId } from '@ib/domain';
import { APP_VIEWS } from '../../apps/api/src/app.views';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/event-store/event-store.port';
import { SqliteEventStore } from '../../apps/api/src/infrastructure/event-store/sqlite-event-store';
import { uuidv7 } from '../../apps/api/src/infrastructure/ids';
import { ProjectionRunner } from '../../apps/api/src/infrastructure/read-model/projection-runner';
import { ViewStores } from '../../apps/api/src/infrastructure/read-model/view-store';
import { READ_MODEL_ORM, ReadModelModule, type ReadModelOrm } from '../../apps/api/src/read-model';

describe('ReadModelModule', () => {
  let folder: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'ib-read-model-module-'));
    store = new SqliteEventStore({ file: join(folder, 'events.sqlite'), pollIntervalMs: 10 });
  });
  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('given the event store from an imported module, then it serves what its runner projects, until shut down', async () => {
    @Module({ providers: [{ provide: EVENT_STORE, useValue: store }], exports: [EVENT_STORE] })
    class EventStoreModule {}
    const app = await Test.createTestingModule({
      imports: [
        ReadModelModule.forRoot({
          location: { file: join(folder, 'read-model.db') },
          views: APP_VIEWS,
          imports: [EventStoreModule],
        }),
      ],
    }).compile();
    await app.init();
    const runner = app.get(ProjectionRunner);
    const integrations = APP_VIEWS.find(({ projection }) => projection.name === 'integrations')!;
    const views = app.get(ViewStores).of(integrations.entity);
    await runner.start();

    const { lastPosition } = await store.append(
      integrationStreamId('int-1'),
      [
        {
          eventId: uuidv7(),
          type: 'IntegrationCreated',
          data: {
            integrationId: 'int-1',
            environment: 'dev',
            provider: 'sqlite',
            applicationName: 'Sales',
            moduleName: 'Sales_IS',
            description: '',
            createdBy: 'alice',
            createdAt: '2025-03-04T05:06:07.000Z',
          },
          metadata: { actorId: 'alice', correlationId: 'c-1', causationId: 'c-1' },
        },
      ],
      { expectedVersion: 'no_stream' },
    );

    expect(await runner.waitFor(lastPosition, 5000)).toBe(true);
    expect(await views.get('int-1')).toMatchObject({
      applicationName: 'Sales',
      status: 'draft',
    });
    const orm = app.get<ReadModelOrm>(READ_MODEL_ORM);
    await app.close();
    expect(await orm.isConnected()).toBe(false);
  });
});
