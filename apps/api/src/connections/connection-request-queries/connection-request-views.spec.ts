import {
  type ConnectionEvent,
  type ConnectionRequestEvent,
  connectionRequestStreamId,
  connectionStreamId,
} from '@ib/domain';
import { viewDatabase } from '../../infrastructure/read-model/testing/view-database';
import { type ViewStore } from '../../infrastructure/read-model/view-store';
import { ConnectionRow } from '../connection-queries/connections.table';
import { CONNECTIONS_VIEWS } from '../connection-views.list';
import { approvedRequestIdsWithoutConnection, listConnectionRequests } from './connection-request-views';
import { type ConnectionRequestView } from './connection-requests.projection';
import { ConnectionRequestRow } from './connection-requests.table';

const day = (n: number) => `2025-03-0${n}T00:00:00.000Z`;
const request = (
  requestId: string,
  environment: string,
  requestedBy: string,
  requestedAt: string,
): [string, ConnectionRequestEvent] => [
  connectionRequestStreamId(requestId),
  {
    type: 'ConnectionRequested',
    data: {
      requestId,
      environment,
      name: requestId,
      provider: 'mysql',
      details: { host: 'db' },
      requestedBy,
      requestedAt,
    },
  },
];
const approved = (requestId: string, connectionId: string): [string, ConnectionRequestEvent] => [
  connectionRequestStreamId(requestId),
  {
    type: 'ConnectionRequestApproved',
    data: { requestId, connectionId, approvedBy: 'root', approvedAt: day(2) },
  },
];
const connection = (connectionId: string): [string, ConnectionEvent] => [
  connectionStreamId(connectionId),
  {
    type: 'ConnectionCreated',
    data: {
      connectionId,
      environment: 'dev',
      name: connectionId,
      provider: 'sqlite',
      details: { path: `${connectionId}.db` },
      createdBy: 'root',
      createdAt: day(1),
    },
  },
];
const ids = (views: readonly { id: string }[]) => views.map(({ id }) => id);

describe('connection request queries', () => {
  let database: Awaited<ReturnType<typeof viewDatabase>>;
  let requests: ViewStore<ConnectionRequestView>;

  beforeAll(async () => {
    database = await viewDatabase(CONNECTIONS_VIEWS, [
      request('r1', 'dev', 'bob', day(1)),
      request('r2', 'qa', 'bob', day(2)),
      request('r3', 'dev', 'carol', day(3)),
    ]);
    requests = database.stores.of<ConnectionRequestView>(ConnectionRequestRow);
  });
  afterAll(() => database.close());

  it('lists connection requests newest first, by environment and by requester', async () => {
    expect(ids((await listConnectionRequests(requests)).items)).toEqual(['r3', 'r2', 'r1']);
    expect(ids((await listConnectionRequests(requests, { environments: ['dev'] })).items)).toEqual([
      'r3',
      'r1',
    ]);
    expect(ids((await listConnectionRequests(requests, { requestedBy: 'bob' })).items)).toEqual(['r2', 'r1']);
    expect(await requests.get('r2')).toMatchObject({ status: 'pending', environment: 'qa' });
  });

  it("lists a requester's own requests and every request of the environments asked for", async () => {
    const page = await listConnectionRequests(requests, { requestedBy: 'bob', everyRequestIn: ['dev'] });
    expect(ids(page.items)).toEqual(['r3', 'r2', 'r1']);
    const carol = await listConnectionRequests(requests, { requestedBy: 'carol', everyRequestIn: ['qa'] });
    expect(ids(carol.items)).toEqual(['r3', 'r2']);
  });

  it('lists connection requests in one status, a page at a time, with the total', async () => {
    const page = await listConnectionRequests(requests, { status: 'pending', offset: 1, limit: 1 });
    expect({ ids: ids(page.items), total: page.total }).toEqual({ ids: ['r2'], total: 3 });
    expect(await listConnectionRequests(requests, { status: 'approved' })).toEqual({ items: [], total: 0 });
    expect(await listConnectionRequests(requests, { environments: [] })).toEqual({ items: [], total: 0 });
  });

  it('lists the approved requests whose connection was never created', async () => {
    const deletedConnection: [string, ConnectionEvent] = [
      connectionStreamId('c3'),
      { type: 'ConnectionDeleted', data: { connectionId: 'c3', deletedBy: 'root', deletedAt: day(2) } },
    ];
    // Approved with its connection, approved without, approved with a connection deleted since, pending.
    const approvals = await viewDatabase(CONNECTIONS_VIEWS, [
      request('r1', 'dev', 'bob', day(1)),
      approved('r1', 'c1'),
      connection('c1'),
      request('r2', 'dev', 'bob', day(1)),
      approved('r2', 'c2'),
      request('r3', 'dev', 'bob', day(1)),
      approved('r3', 'c3'),
      connection('c3'),
      deletedConnection,
      request('r4', 'dev', 'bob', day(1)),
    ]);
    try {
      expect(
        await approvedRequestIdsWithoutConnection(
          approvals.stores.of<ConnectionRequestView>(ConnectionRequestRow),
          approvals.stores.of(ConnectionRow),
        ),
      ).toEqual(['r2']);
    } finally {
      await approvals.close();
    }
  });
});
