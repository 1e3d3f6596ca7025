import { type EnvironmentEvent, type EnvironmentKind, environmentStreamId } from '@ib/domain';
import { viewDatabase } from '../../../infrastructure/read-model/testing/view-database';
import { type ViewStore } from '../../../infrastructure/read-model/view-store';
import { IDENTITY_VIEWS } from '../../identity-views.list';
import { listEnvironments, otherDevelopmentEnvironment } from './environment-views';
import { type EnvironmentView } from './environments.projection';
import { EnvironmentRow } from './environments.table';

const at = '2025-03-01T00:00:00.000Z';
const created = (name: string, kind: EnvironmentKind): EnvironmentEvent => ({
  type: 'EnvironmentCreated',
  data: { name, kind, createdBy: 'root', createdAt: at },
});
const names = (page: { items: readonly { name: string }[] }) => page.items.map(({ name }) => name);

describe('environment queries', () => {
  let database: Awaited<ReturnType<typeof viewDatabase>>;
  let environments: ViewStore<EnvironmentView>;

  beforeAll(async () => {
    database = await viewDatabase(IDENTITY_VIEWS, [
      [environmentStreamId('qa'), created('qa', 'qa')],
      [environmentStreamId('dev'), created('dev', 'development')],
    ]);
    environments = database.stores.of<EnvironmentView>(EnvironmentRow);
  });
  afterAll(() => database.close());

  it('given environments, when listed, then they come by name with their total, a page at a time', async () => {
    expect(names(await listEnvironments(environments))).toEqual(['dev', 'qa']);
    expect(await listEnvironments(environments, { offset: 1, limit: 1 })).toMatchObject({
      total: 2,
      items: [{ name: 'qa' }],
    });
  });

  it('given some names, when listed, then only those environments come, and none for no names', async () => {
    expect(await listEnvironments(environments, { names: ['qa'] })).toMatchObject({
      total: 1,
      items: [{ name: 'qa' }],
    });
    expect(await listEnvironments(environments, { names: [] })).toEqual({ items: [], total: 0 });
  });

  it('given an environment, when read by name, then it comes as projected, and nothing for an unknown name', async () => {
    expect(await environments.get('qa')).toStrictEqual({
      name: 'qa',
      kind: 'qa',
      createdBy: 'root',
      fourEyes: false,
      createdAt: at,
    });
    expect(await environments.get('prod')).toBeUndefined();
  });

  it('given a development environment, when another is looked for, then it is found unless it is the one named', async () => {
    expect(await otherDevelopmentEnvironment(environments, 'dev2')).toMatchObject({ name: 'dev' });
    expect(await otherDevelopmentEnvironment(environments, 'dev')).toBeUndefined();
  });
});
