import { type ApiKeyEvent, apiKeyStreamId } from '@ib/domain';
import { viewDatabase } from '../../../infrastructure/read-model/testing/view-database';
import { type ViewStore } from '../../../infrastructure/read-model/view-store';
import { IDENTITY_VIEWS } from '../../identity-views.list';
import { listApiKeys } from './api-key-views';
import { type ApiKeyView } from './api-keys.projection';
import { ApiKeyRow } from './api-keys.table';

const day = (n: number) => `2025-03-0${n}T00:00:00.000Z`;
const created = (keyId: string, environment: string, createdAt: string): ApiKeyEvent => ({
  type: 'ApiKeyCreated',
  data: { keyId, environment, appName: keyId, label: '', hint: 'abcd', createdBy: 'root', createdAt },
});
const ids = (page: { items: readonly { id: string }[] }) => page.items.map(({ id }) => id);

describe('API key queries', () => {
  let database: Awaited<ReturnType<typeof viewDatabase>>;
  let apiKeys: ViewStore<ApiKeyView>;

  beforeAll(async () => {
    database = await viewDatabase(IDENTITY_VIEWS, [
      [apiKeyStreamId('k1'), created('k1', 'qa', day(1))],
      [apiKeyStreamId('k2'), created('k2', 'dev', day(2))],
      [apiKeyStreamId('k3'), created('k3', 'qa', day(3))],
      [
        apiKeyStreamId('k3'),
        {
          type: 'ApiKeyRevoked',
          data: { keyId: 'k3', environment: 'qa', revokedBy: 'root', revokedAt: day(4) },
        },
      ],
    ]);
    apiKeys = database.stores.of<ApiKeyView>(ApiKeyRow);
  });
  afterAll(() => database.close());

  it("given keys of several environments, when one environment's are listed, then they come newest first, revoked ones too", async () => {
    expect(await listApiKeys(apiKeys, { environments: ['qa'] })).toMatchObject({
      total: 2,
      items: [
        { id: 'k3', status: 'revoked' },
        { id: 'k1', status: 'active' },
      ],
    });
    expect(ids(await listApiKeys(apiKeys))).toEqual(['k3', 'k2', 'k1']);
  });

  it('given no environment, when listed, then no key comes', async () => {
    expect(await listApiKeys(apiKeys, { environments: [] })).toEqual({ items: [], total: 0 });
  });
});
