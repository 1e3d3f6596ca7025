import { type ApiKeyEvent, apiKeyStreamId } from '@ib/domain';
import { apiKeysProjection, type ApiKeyView } from './api-keys.projection';
import {
  eventRecorder,
  ProjectionSpecification,
} from '../../../infrastructure/read-model/testing/projection-specification';

const keyId = 'key-1';
const created: ApiKeyEvent = {
  type: 'ApiKeyCreated',
  data: {
    keyId,
    environment: 'qa',
    appName: 'Warehouse',
    label: 'CI pipeline',
    hint: 'x9Zq',
    createdBy: 'root',
    createdAt: '2025-03-01T00:00:00.000Z',
  },
};
const active: ApiKeyView = {
  id: keyId,
  environment: 'qa',
  appName: 'Warehouse',
  label: 'CI pipeline',
  hint: 'x9Zq',
  status: 'active',
  createdBy: 'root',
  createdAt: '2025-03-01T00:00:00.000Z',
};

const history = (...events: ApiKeyEvent[]) => {
  const record = eventRecorder();
  return events.map((event) => record(apiKeyStreamId(keyId), event));
};
const given = ProjectionSpecification.for(apiKeysProjection);

describe('api keys projection', () => {
  it('shows a created key as active, with its hint only', () => {
    const [wasCreated] = history(created);
    given([])
      .when(wasCreated)
      .then({ [keyId]: active });
  });

  it('leaves out anything else an event carries, so no secret can reach the list', () => {
    const [wasCreated] = history({
      ...created,
      data: { ...created.data, keyHash: 'sha256:secret' },
    } as ApiKeyEvent);
    given([])
      .when(wasCreated)
      .then({ [keyId]: active });
  });

  it('shows the scope a key was created with', () => {
    const scope = {
      integrations: ['i-1'],
      entities: [{ integrationId: 'i-1', entity: 'Customers' }],
      readOnly: true as const,
    };
    const [wasCreated] = history({ ...created, data: { ...created.data, scope } } as ApiKeyEvent);
    given([])
      .when(wasCreated)
      .then({ [keyId]: { ...active, scope } });
  });

  it('keeps a revoked key, flagged, with who revoked it and when', () => {
    const [wasCreated, revoked] = history(created, {
      type: 'ApiKeyRevoked',
      data: { keyId, environment: 'qa', revokedBy: 'ops', revokedAt: '2025-03-02T00:00:00.000Z' },
    });
    given([wasCreated])
      .when(revoked)
      .then({
        [keyId]: { ...active, status: 'revoked', revokedBy: 'ops', revokedAt: '2025-03-02T00:00:00.000Z' },
      });
  });

  it('shows nothing for the revocation of a key it never saw created', () => {
    const [revoked] = history({
      type: 'ApiKeyRevoked',
      data: { keyId, environment: 'qa', revokedBy: 'ops', revokedAt: '2025-03-02T00:00:00.000Z' },
    });
    given([]).when(revoked).then({});
  });
});
