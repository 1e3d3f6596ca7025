import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ActiveConnection, type Entity, type RecordedEvent } from '@ib/domain';
import { type Connector, ConnectorError, type TableInfo } from '@ib/connectors';
import { type ConnectionAccess, type OpenConnectors } from '../../../connections';
import { type ApiKeyViews } from '../../../identity';
import { type IntegrationViews } from '../../../integrations';
import { CommandRunner } from '../../../infrastructure/command-handling/command-runner';
import { SqliteEventStore } from '../../../infrastructure/event-store/sqlite-event-store';
import {
  type DeploymentView,
  type DeploymentViews,
} from '../../deployments/deployment-queries/deployment-views';
import { type PublishedVersions } from '../../publications/published-versions';
import { SchemaDriftChecks } from './schema-drift-checks';

const customers: Entity = {
  name: 'Customer',
  table: 'customers',
  kind: 'table',
  primaryKey: ['id'],
  attributes: [
    {
      name: 'id',
      nativeType: 'int',
      type: 'Integer',
      nullable: false,
      primaryKey: true,
      autoIncrement: true,
    },
    {
      name: 'email',
      nativeType: 'varchar(50)',
      type: 'Text',
      length: 50,
      nullable: true,
      primaryKey: false,
      autoIncrement: false,
    },
  ],
};
const live = (columns: TableInfo['columns']): TableInfo => ({
  schema: 'shop',
  name: 'customers',
  kind: 'table',
  primaryKey: ['id'],
  foreignKeys: [],
  indexes: [],
  columns,
});
const id = { name: 'id', nativeType: 'int', kind: 'Integer' as const, nullable: false, autoIncrement: true };
const email = {
  name: 'email',
  nativeType: 'varchar(50)',
  kind: 'Text' as const,
  nullable: true,
  autoIncrement: false,
  length: 50,
};

const deployment = (integrationId: string, connectionId: string): DeploymentView =>
  ({
    id: `${integrationId}/qa`,
    integrationId,
    environment: 'qa',
    version: 1,
    connectionId,
  }) as DeploymentView;

/** A database that answers with `tables`, or fails as told; `describe` is asked once per check. */
class FakeConnector {
  described: string[][] = [];
  constructor(
    private readonly tables: () => TableInfo[],
    private readonly fails?: Error,
  ) {}
  listTables = async () => {
    if (this.fails) throw this.fails;
    return this.tables().map(({ schema, name, kind }) => ({ schema, name, kind }));
  };
  describe = async (_database: string, names: readonly string[]) => {
    this.described.push([...names]);
    return this.tables().filter(({ name }) => names.includes(name));
  };
  close = async () => undefined;
}

describe('SchemaDriftChecks', () => {
  let dir: string;
  let store: SqliteEventStore;
  let tables: TableInfo[];
  let healthy: FakeConnector;
  let checks: SchemaDriftChecks;
  const actor = { userId: 'admin', correlationId: 'c', causationId: 'c' };
  const driftEvents = async (integrationId: string) =>
    (await store.readStream(`schema-drift-${integrationId}-qa`)).events.map(
      ({ type }: RecordedEvent) => type,
    );

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'drift-checks-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    tables = [live([id, email]), { ...live([]), name: 'orders' }];
    healthy = new FakeConnector(() => tables);
    const down = new FakeConnector(
      () => [],
      new ConnectorError('CONNECTOR.UNREACHABLE', 'The server cannot be reached', true),
    );
    const connectors = {
      openUnshared: async ({ connectionId }: ActiveConnection) =>
        (connectionId === 'down' ? down : healthy) as unknown as Connector,
    } as unknown as OpenConnectors;
    checks = new SchemaDriftChecks(
      {
        list: async () => [deployment('i-1', 'up'), deployment('i-2', 'down')],
        find: async (integrationId: string) => deployment(integrationId, 'up'),
      } as unknown as DeploymentViews,
      { find: async () => undefined } as unknown as IntegrationViews,
      {
        version: async () => ({
          version: 1,
          integrationVersion: 3,
          integration: { database: 'shop', entities: [customers] },
        }),
      } as unknown as PublishedVersions,
      {
        existing: async (connectionId: string) => ({ connectionId, status: 'active', details: {} }),
      } as unknown as ConnectionAccess,
      connectors,
      {
        list: async () => ({ items: [{ id: 'k-1', appName: 'shop', label: 'qa', status: 'active' }] }),
      } as unknown as ApiKeyViews,
      new CommandRunner(store, { now: () => new Date('2025-03-04T05:06:07.000Z') }),
    );
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a database as published and one that does not answer, when checked, then one is ok and the other unreachable, and the check is recorded', async () => {
    const result = await checks.checkEnvironment('qa', actor);

    expect(result.integrations).toEqual([
      { integrationId: 'i-1', version: 1, status: 'ok', differences: [], breaking: 0, nonBreaking: 0 },
      {
        integrationId: 'i-2',
        version: 1,
        status: 'unreachable',
        differences: [],
        breaking: 0,
        nonBreaking: 0,
        error: { code: 'CONNECTOR.UNREACHABLE', message: 'The server cannot be reached' },
      },
    ]);
    expect(healthy.described).toEqual([['customers']]);
    expect(await driftEvents('i-1')).toEqual(['SchemaDriftBaselineRecorded']);
    expect(await driftEvents('i-2')).toEqual([]);
    const { events } = await store.readStream('drift-checks-qa');
    expect(events.map(({ data }) => data)).toEqual([
      expect.objectContaining({ integrations: 2, breaking: 0, nonBreaking: 0, unreachable: 1 }),
    ]);
  });

  it('given a dropped column, when checked twice, then the drift is answered each time and recorded once', async () => {
    await checks.checkEnvironment('qa', actor);
    tables = [live([id]), tables[1]];

    const first = await checks.checkIntegration('qa', 'i-1', actor);
    const again = await checks.checkIntegration('qa', 'i-1', actor);

    expect(first).toMatchObject({ status: 'drift', breaking: 1, nonBreaking: 0 });
    expect(again).toEqual(first);
    expect(await driftEvents('i-1')).toEqual(['SchemaDriftBaselineRecorded', 'SchemaDriftDetected']);
  });

  it('given a table dropped from the database, when checked, then it is not described and reported dropped', async () => {
    await checks.checkEnvironment('qa', actor);
    tables = [tables[1]];

    const result = await checks.checkIntegration('qa', 'i-1', actor);

    expect(healthy.described.at(-1)).toEqual(['customers']);
    expect(healthy.described).toHaveLength(1);
    expect(result?.differences.map(({ kind }) => kind)).toEqual(['TABLE_DROPPED']);
  });
});
