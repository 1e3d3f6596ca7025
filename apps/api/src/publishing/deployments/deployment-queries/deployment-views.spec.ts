import { type DeploymentEvent, integrationDeploymentsStreamId } from '@ib/domain';
import { viewDatabase } from '../../../infrastructure/read-model/testing/view-database';
import { type ViewStore } from '../../../infrastructure/read-model/view-store';
import { PUBLISHING_VIEWS } from '../../publishing-views.list';
import { type DeploymentView, findDeployment, listDeployments } from './deployment-views';
import { DeploymentRow } from './deployments.table';

const deployed = (integrationId: string, environment: string, version: number) =>
  [
    integrationDeploymentsStreamId(integrationId),
    {
      type: 'VersionDeployed',
      data: {
        integrationId,
        version,
        environment,
        environmentKind: environment === 'dev' ? 'development' : 'qa',
        deployedBy: 'root',
        deployedAt: '2025-03-02T00:00:00.000Z',
      },
    },
  ] as const satisfies readonly [string, DeploymentEvent];
const ids = (views: readonly { id: string }[]) => views.map(({ id }) => id);

describe('deployment queries', () => {
  let database: Awaited<ReturnType<typeof viewDatabase>>;
  let deployments: ViewStore<DeploymentView>;

  beforeAll(async () => {
    database = await viewDatabase(PUBLISHING_VIEWS, [
      deployed('b', 'dev', 1),
      deployed('a', 'qa', 1),
      deployed('a', 'dev', 2),
    ]);
    deployments = database.stores.of<DeploymentView>(DeploymentRow);
  });
  afterAll(() => database.close());

  it("lists an integration's deployments by environment, and every one by integration then environment", async () => {
    expect(ids(await listDeployments(deployments, { integrationId: 'a' }))).toEqual(['a:dev', 'a:qa']);
    expect(ids(await listDeployments(deployments))).toEqual(['a:dev', 'a:qa', 'b:dev']);
  });

  it('finds what serves an integration in an environment, and nothing where it is not deployed', async () => {
    expect(await findDeployment(deployments, 'a', 'dev')).toMatchObject({
      version: 2,
      environmentKind: 'development',
    });
    expect(await findDeployment(deployments, 'b', 'qa')).toBeUndefined();
  });
});
