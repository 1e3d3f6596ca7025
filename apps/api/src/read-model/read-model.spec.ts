import {
  apiKeyStreamId,
  type ApiKeyEvent,
  environmentStreamId,
  integrationStreamId,
  type IntegrationEvent,
  userStreamId,
  type UserEvent,
} from '@ib/domain';
import { temporaryReadModel, type TemporaryReadModel } from './testing/read-model.testing';

const day = (n: number) => `2025-03-0${n}T00:00:00.000Z`;

const integration = (integrationId: string, environment: string, createdAt: string): IntegrationEvent => ({
  type: 'IntegrationCreated',
  data: {
    integrationId,
    environment,
    provider: 'sqlite',
    applicationName: integrationId,
    moduleName: `${integrationId}_IS`,
    description: '',
    createdBy: 'alice',
    createdAt,
  },
});
const user = (userId: string, username: string): UserEvent => ({
  type: 'UserRegistered',
  data: {
    userId,
    username,
    roles: [{ environment: 'dev', role: 'developer' }],
    createdBy: 'root',
    createdAt: day(1),
  },
});

describe('ReadModel', () => {
  let model: TemporaryReadModel;

  beforeAll(async () => {
    model = await temporaryReadModel();
    await model.append(integrationStreamId('a'), integration('a', 'dev', day(1)));
    await model.append(integrationStreamId('b'), integration('b', 'qa', day(2)));
    await model.append(integrationStreamId('c'), integration('c', 'dev', day(3)));
    await model.append(integrationStreamId('a'), {
      type: 'IntegrationDatabaseSelected',
      data: { integrationId: 'a', database: 'main', selectedAt: day(4) },
    });
    for (const name of ['qa', 'dev'])
      await model.append(environmentStreamId(name), {
        type: 'EnvironmentCreated',
        data: { name, kind: name === 'dev' ? 'development' : 'qa', createdBy: 'root', createdAt: day(1) },
      });
    await model.append(userStreamId('zoe'), user('user-z', 'zoe'));
    const { lastPosition } = await model.append(userStreamId('bob'), user('user-b', 'bob'));
    const runner = model.runner();
    await runner.start();
    await runner.waitFor(lastPosition, 5000);
  });
  afterAll(() => model.dispose());

  const ids = (views: readonly { id: string }[]) => views.map(({ id }) => id);

  it('lists environments by name, those asked for only, and gets one by name', async () => {
    const names = (page: { items: readonly { name: string }[] }) => page.items.map(({ name }) => name);
    expect(names(await model.readModel.listEnvironments())).toEqual(['dev', 'qa']);
    expect(await model.readModel.listEnvironments({ names: ['qa'] })).toMatchObject({
      total: 1,
      items: [{ name: 'qa' }],
    });
    expect(await model.readModel.listEnvironments({ names: [] })).toEqual({ items: [], total: 0 });
    expect(await model.readModel.listEnvironments({ offset: 1, limit: 1 })).toMatchObject({
      total: 2,
      items: [{ name: 'qa' }],
    });
    expect(await model.readModel.getEnvironment('qa')).toStrictEqual({
      name: 'qa',
      kind: 'qa',
      createdBy: 'root',
      createdAt: day(1),
    });
    expect(await model.readModel.getEnvironment('prod')).toBeUndefined();
  });

  it('lists users by username and finds one by id or username', async () => {
    expect((await model.readModel.listUsers()).items.map(({ username }) => username)).toEqual(['bob', 'zoe']);
    expect(await model.readModel.getUser('user-z')).toMatchObject({ username: 'zoe' });
    expect(await model.readModel.getUserByUsername('bob')).toMatchObject({
      id: 'user-b',
      roles: [{ environment: 'dev', role: 'developer' }],
    });
    expect(await model.readModel.getUserByUsername('nobody')).toBeUndefined();
  });

  it('lists the users one sees: themselves, and those holding a role in the environments given', async () => {
    const seen = async (userId: string, environments: string[]) =>
      ids((await model.readModel.listUsers({ seenBy: { userId, environments } })).items);
    expect(await seen('user-z', [])).toEqual(['user-z']);
    expect(await seen('user-z', ['qa'])).toEqual(['user-z']);
    expect(await seen('someone', ['qa', 'dev'])).toEqual(['user-b', 'user-z']);
    expect(await model.readModel.listUsers({ offset: 1, limit: 1 })).toMatchObject({
      total: 2,
      items: [{ username: 'zoe' }],
    });
  });
});

describe('ReadModel API keys', () => {
  let model: TemporaryReadModel;

  const apiKey = (keyId: string, environment: string, createdAt: string): ApiKeyEvent => ({
    type: 'ApiKeyCreated',
    data: { keyId, environment, appName: keyId, label: '', hint: 'abcd', createdBy: 'root', createdAt },
  });

  beforeAll(async () => {
    model = await temporaryReadModel();
    await model.append(apiKeyStreamId('k1'), apiKey('k1', 'qa', day(1)));
    await model.append(apiKeyStreamId('k2'), apiKey('k2', 'dev', day(2)));
    const { lastPosition } = await model.append(apiKeyStreamId('k3'), apiKey('k3', 'qa', day(3)));
    const runner = model.runner();
    await runner.start();
    await runner.waitFor(lastPosition, 5000);
  });
  afterAll(() => model.dispose());

  const ids = (views: readonly { id: string }[]) => views.map(({ id }) => id);

  it('lists the API keys of an environment newest first, and none for no environment', async () => {
    expect(ids(await model.readModel.listApiKeys({ environments: ['qa'] }))).toEqual(['k3', 'k1']);
    expect(await model.readModel.listApiKeys({ environments: [] })).toEqual([]);
  });
});
