import { connectionRequestStreamId, type ConnectionRequested, type ConnectionRequestEvent } from '@ib/domain';
import { connectionRequestsProjection, type ConnectionRequestView } from './connection-requests.projection';
import {
  eventRecorder,
  ProjectionSpecification,
} from '../../infrastructure/read-model/testing/projection-specification';

const requestId = 'req-1';
const requestedAt = '2025-03-04T05:06:07.000Z';
const decidedAt = '2025-03-05T09:00:00.000Z';
const details = { path: 'chinook.db' };

const requested = (data: Partial<ConnectionRequested['data']> = {}): ConnectionRequestEvent => ({
  type: 'ConnectionRequested',
  data: {
    requestId,
    environment: 'dev',
    name: 'Chinook',
    provider: 'sqlite',
    details,
    requestedBy: 'bob',
    requestedAt,
    ...data,
  },
});

const pending: ConnectionRequestView = {
  id: requestId,
  environment: 'dev',
  name: 'Chinook',
  provider: 'sqlite',
  details,
  status: 'pending',
  requestedBy: 'bob',
  requestedAt,
  version: 0,
};

const history = (...events: ConnectionRequestEvent[]) => {
  const record = eventRecorder();
  return events.map((event) => record(connectionRequestStreamId(requestId), event));
};
const given = ProjectionSpecification.for(connectionRequestsProjection);

describe('connection requests projection', () => {
  it('shows a new request as pending, with its note and without its secret reference', () => {
    const [wasRequested] = history(requested({ note: 'for the sales app', secretRef: 'secret-7' }));
    given([])
      .when(wasRequested)
      .then({ [requestId]: { ...pending, note: 'for the sales app' } });
  });

  it('records who approved it and the connection it produced', () => {
    const [wasRequested, approved] = history(requested(), {
      type: 'ConnectionRequestApproved',
      data: { requestId, connectionId: 'conn-9', approvedBy: 'root', approvedAt: decidedAt },
    });
    given([wasRequested])
      .when(approved)
      .then({
        [requestId]: {
          ...pending,
          status: 'approved',
          decidedBy: 'root',
          decidedAt,
          connectionId: 'conn-9',
          version: 1,
        },
      });
  });

  it('records who rejected it and why', () => {
    const [wasRequested, rejected] = history(requested(), {
      type: 'ConnectionRequestRejected',
      data: { requestId, reason: 'use the shared replica', rejectedBy: 'root', rejectedAt: decidedAt },
    });
    given([wasRequested])
      .when(rejected)
      .then({
        [requestId]: {
          ...pending,
          status: 'rejected',
          decidedBy: 'root',
          decidedAt,
          reason: 'use the shared replica',
          version: 1,
        },
      });
  });

  it('records a cancellation by the requester', () => {
    const [wasRequested, cancelled] = history(requested(), {
      type: 'ConnectionRequestCancelled',
      data: { requestId, cancelledBy: 'bob', cancelledAt: decidedAt },
    });
    given([wasRequested])
      .when(cancelled)
      .then({ [requestId]: { ...pending, status: 'cancelled', decidedBy: 'bob', decidedAt, version: 1 } });
  });

  it('shows nothing for a decision on a request it never saw', () => {
    const [cancelled] = history({
      type: 'ConnectionRequestCancelled',
      data: { requestId, cancelledBy: 'bob', cancelledAt: decidedAt },
    });
    given([]).when(cancelled).then({});
  });
});
