import {
  type DependencyEvent,
  dependencyStreamId,
  type DeploymentEvent,
  integrationDeploymentsStreamId,
} from '@ib/domain';
import { viewDatabase } from '../../../infrastructure/read-model/testing/view-database';
import { PUBLISHING_VIEWS } from '../../publishing-views.list';
import { DependencyViews, listDependencies } from './dependency-views';
import { type DependencyView } from './dependencies.projection';
import { DependencyRow } from './dependencies.table';

const installed = (name: string, version: string) =>
  [
    dependencyStreamId(name),
    {
      type: 'DependencyUpdateInstalled',
      data: {
        name,
        fromVersion: '1.0.0',
        version,
        breaking: true,
        notes: '',
        installedBy: 'root',
        installedAt: '2025-03-01T00:00:00.000Z',
      },
    },
  ] as const satisfies readonly [string, DependencyEvent];
const deployments = (integrationId: string, ...events: DeploymentEvent[]) =>
  events.map((event) => [integrationDeploymentsStreamId(integrationId), event] as const);

describe('dependency queries', () => {
  let database: Awaited<ReturnType<typeof viewDatabase>>;
  let views: DependencyViews;

  beforeAll(async () => {
    database = await viewDatabase(PUBLISHING_VIEWS, [
      installed('zeta', '2.0.0'),
      installed('alpha', '3.0.0'),
      ...deployments(
        'b',
        {
          type: 'VersionDeployed',
          data: {
            integrationId: 'b',
            version: 1,
            environment: 'dev',
            environmentKind: 'development',
            deployedBy: 'root',
            deployedAt: '2025-03-02T00:00:00.000Z',
          },
        },
        {
          type: 'RepublishRequired',
          data: {
            integrationId: 'b',
            dependency: 'integration-manager',
            reason: 'Breaking',
            requiredAt: '2025-03-06T00:00:00.000Z',
          },
        },
      ),
    ]);
    views = new DependencyViews(database.stores);
  });
  afterAll(() => database.close());

  it('lists the updated dependencies by name, with the version installed everywhere', async () => {
    expect(await listDependencies(database.stores.of<DependencyView>(DependencyRow))).toMatchObject([
      { name: 'alpha', everywhere: { version: '3.0.0' }, environments: [] },
      { name: 'zeta', everywhere: { version: '2.0.0' }, environments: [] },
    ]);
  });

  it("gets an integration's dependency state, and nothing for one never published nor affected", async () => {
    expect(await views.stateOf('b')).toMatchObject({
      republishRequired: [{ dependency: 'integration-manager' }],
    });
    expect(await views.stateOf('c')).toBeUndefined();
  });
});
