import { type IntegrationEvent, integrationStreamId } from '@ib/domain';
import { viewDatabase } from '../../infrastructure/read-model/testing/view-database';
import { type ViewStore } from '../../infrastructure/read-model/view-store';
import { INTEGRATIONS_VIEWS } from '../integration-views.list';
import { type IntegrationOrder, listIntegrations } from './integration-views';
import { type IntegrationView } from './integrations.projection';
import { IntegrationRow } from './integrations.table';

const day = (n: number) => `2025-03-0${n}T00:00:00.000Z`;
const created = (
  integrationId: string,
  environment: string,
  applicationName: string,
  createdAt: string,
): IntegrationEvent => ({
  type: 'IntegrationCreated',
  data: {
    integrationId,
    environment,
    provider: 'sqlite',
    applicationName,
    moduleName: `${applicationName}_IS`,
    description: '',
    createdBy: 'alice',
    createdAt,
  },
});
const ids = (views: readonly { id: string }[]) => views.map(({ id }) => id);

describe('integration queries', () => {
  let database: Awaited<ReturnType<typeof viewDatabase>>;
  let integrations: ViewStore<IntegrationView>;

  beforeAll(async () => {
    database = await viewDatabase(INTEGRATIONS_VIEWS, [
      [integrationStreamId('a'), created('a', 'dev', 'sales', day(1))],
      [integrationStreamId('b'), created('b', 'qa', 'Billing', day(2))],
      [integrationStreamId('c'), created('c', 'dev', 'archive', day(3))],
      [
        integrationStreamId('a'),
        {
          type: 'IntegrationDatabaseSelected',
          data: { integrationId: 'a', database: 'main', selectedAt: day(4) },
        },
      ],
    ]);
    integrations = database.stores.of<IntegrationView>(IntegrationRow);
  });
  afterAll(() => database.close());

  it('lists integrations most recently changed first, a page at a time, with the total', async () => {
    expect(ids((await listIntegrations(integrations, { offset: 0, limit: 10 })).items)).toEqual([
      'a',
      'c',
      'b',
    ]);
    const page = await listIntegrations(integrations, { offset: 1, limit: 1 });
    expect(ids(page.items)).toEqual(['c']);
    expect(page.total).toBe(3);
  });

  it('lists integrations by application name whatever its case, or least recently changed first, when asked', async () => {
    const sorted = async (sort: IntegrationOrder) =>
      ids((await listIntegrations(integrations, { sort })).items);
    expect(await sorted('applicationName')).toEqual(['c', 'b', 'a']);
    expect(await sorted('-applicationName')).toEqual(['a', 'b', 'c']);
    expect(await sorted('updatedAt')).toEqual(['b', 'c', 'a']);
    expect(await sorted('-updatedAt')).toEqual(['a', 'c', 'b']);
  });

  it('lists only the integrations of the environments asked for, and none for no environment', async () => {
    const dev = await listIntegrations(integrations, { environments: ['dev'], offset: 0, limit: 10 });
    expect(dev).toMatchObject({ total: 2, items: [{ id: 'a', database: 'main', version: 1 }, { id: 'c' }] });
    expect(await listIntegrations(integrations, { environments: [], offset: 0, limit: 10 })).toEqual({
      items: [],
      total: 0,
    });
  });

  it('gets an integration as its view document, and nothing for an unknown id', async () => {
    expect(await integrations.get('b')).toStrictEqual({
      id: 'b',
      environment: 'qa',
      provider: 'sqlite',
      applicationName: 'Billing',
      moduleName: 'Billing_IS',
      description: '',
      status: 'draft',
      entities: [],
      nullPolicy: 'preserve',
      createdBy: 'alice',
      createdAt: day(2),
      updatedAt: day(2),
      version: 0,
      unpublishedChanges: true,
    });
    expect(await integrations.get('nope')).toBeUndefined();
  });
});
