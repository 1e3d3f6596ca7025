import { type ConnectionEvent, connectionStreamId } from '@ib/domain';
import { viewDatabase } from '../../infrastructure/read-model/testing/view-database';
import { type ViewStore } from '../../infrastructure/read-model/view-store';
import { CONNECTIONS_VIEWS } from '../connection-views.list';
import { listConnections } from './connection-views';
import { type ConnectionView } from './connections.projection';
import { ConnectionRow } from './connections.table';

const day = (n: number) => `2025-03-0${n}T00:00:00.000Z`;
const created = (connectionId: string, environment: string, name: string): ConnectionEvent => ({
  type: 'ConnectionCreated',
  data: {
    connectionId,
    environment,
    name,
    provider: 'sqlite',
    details: { path: `${name}.db` },
    createdBy: 'root',
    createdAt: day(1),
  },
});
const deleted = (connectionId: string): ConnectionEvent => ({
  type: 'ConnectionDeleted',
  data: { connectionId, deletedBy: 'root', deletedAt: day(2) },
});
const ids = (views: readonly { id: string }[]) => views.map(({ id }) => id);

describe('connection queries', () => {
  let database: Awaited<ReturnType<typeof viewDatabase>>;
  let connections: ViewStore<ConnectionView>;

  beforeAll(async () => {
    database = await viewDatabase(CONNECTIONS_VIEWS, [
      [connectionStreamId('c1'), created('c1', 'dev', 'Sales')],
      [connectionStreamId('c2'), created('c2', 'qa', 'Billing')],
      [connectionStreamId('c3'), created('c3', 'dev', 'Archive')],
      [connectionStreamId('c3'), deleted('c3')],
    ]);
    connections = database.stores.of<ConnectionView>(ConnectionRow);
  });
  afterAll(() => database.close());

  it('lists connections by name without the deleted ones unless asked, and still gets a deleted one', async () => {
    expect(ids((await listConnections(connections)).items)).toEqual(['c2', 'c1']);
    expect(
      ids((await listConnections(connections, { environments: ['dev'], includeDeleted: true })).items),
    ).toEqual(['c3', 'c1']);
    expect(await connections.get('c3')).toMatchObject({ deleted: true, hasSecret: false });
  });

  it('lists connections of one provider, a page at a time, with the total', async () => {
    expect(await listConnections(connections, { provider: 'mysql' })).toEqual({ items: [], total: 0 });
    const page = await listConnections(connections, { provider: 'sqlite', offset: 1, limit: 1 });
    expect({ ids: ids(page.items), total: page.total }).toEqual({ ids: ['c1'], total: 2 });
  });

  it('lists nothing for an empty set of environments', async () => {
    expect(await listConnections(connections, { environments: [] })).toEqual({ items: [], total: 0 });
  });
});
