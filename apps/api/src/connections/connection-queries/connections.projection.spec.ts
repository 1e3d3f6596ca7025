import { connectionStreamId, type ConnectionCreated, type ConnectionEvent } from '@ib/domain';
import { connectionsProjection, type ConnectionView } from './connections.projection';
import {
  eventRecorder,
  ProjectionSpecification,
} from '../../infrastructure/read-model/testing/projection-specification';

const connectionId = 'conn-1';
const createdAt = '2025-03-04T05:06:07.000Z';
const details = { host: 'db.local', port: 3306, database: 'sales', username: 'app', options: { ssl: true } };

const created = (data: Partial<ConnectionCreated['data']> = {}): ConnectionEvent => ({
  type: 'ConnectionCreated',
  data: {
    connectionId,
    environment: 'dev',
    name: 'Sales DB',
    provider: 'mysql',
    details,
    createdBy: 'root',
    createdAt,
    ...data,
  },
});

const connection: ConnectionView = {
  id: connectionId,
  environment: 'dev',
  name: 'Sales DB',
  provider: 'mysql',
  details,
  hasSecret: false,
  createdBy: 'root',
  createdAt,
  deleted: false,
  version: 0,
};

const history = (...events: ConnectionEvent[]) => {
  const record = eventRecorder();
  return events.map((event) => record(connectionStreamId(connectionId), event));
};
const given = ProjectionSpecification.for(connectionsProjection);

describe('connections projection', () => {
  it('says whether a connection has a secret, never what it is', () => {
    const [wasCreated] = history(created({ secretRef: 'secret-42' }));
    given([])
      .when(wasCreated)
      .then({ [connectionId]: { ...connection, hasSecret: true } });
  });

  it('keeps the request a connection was created from', () => {
    const [wasCreated] = history(created({ requestId: 'req-1', requestedBy: 'bob' }));
    given([])
      .when(wasCreated)
      .then({ [connectionId]: { ...connection, requestId: 'req-1', requestedBy: 'bob' } });
  });

  it('shows the new name and details, replacing the old ones whole', () => {
    const [wasCreated, changed] = history(created(), {
      type: 'ConnectionDetailsChanged',
      data: {
        connectionId,
        name: 'Sales replica',
        details: { host: 'replica.local', database: 'sales', username: 'reader' },
        changedBy: 'root',
        changedAt: createdAt,
      },
    });
    given([wasCreated])
      .when(changed)
      .then({
        [connectionId]: {
          ...connection,
          name: 'Sales replica',
          details: { host: 'replica.local', database: 'sales', username: 'reader' },
          version: 1,
        },
      });
  });

  it('says a rotated connection has a secret, never which one', () => {
    const [wasCreated, rotated] = history(created(), {
      type: 'ConnectionPasswordRotated',
      data: { connectionId, secretRef: 'secret-2', rotatedBy: 'root', rotatedAt: createdAt },
    });
    given([wasCreated])
      .when(rotated)
      .then({ [connectionId]: { ...connection, hasSecret: true, version: 1 } });
  });

  it('keeps a deleted connection, flagged', () => {
    const [wasCreated, deleted] = history(created(), {
      type: 'ConnectionDeleted',
      data: { connectionId, deletedBy: 'root', deletedAt: '2025-03-05T00:00:00.000Z' },
    });
    given([wasCreated])
      .when(deleted)
      .then({ [connectionId]: { ...connection, deleted: true, version: 1 } });
  });

  it('shows nothing for the deletion of a connection it never saw created', () => {
    const [deleted] = history({
      type: 'ConnectionDeleted',
      data: { connectionId, deletedBy: 'root', deletedAt: createdAt },
    });
    given([]).when(deleted).then({});
  });
});
