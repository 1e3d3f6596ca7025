import {
  type ActiveConnection,
  type Attribute,
  type DeploymentEvent,
  type Entity,
  IllegalStateError,
  type IntegrationDeployments,
  ValidationError,
  deploymentDecider,
} from '@ib/domain';
import { type ColumnInfo, type Connector, ConnectorError, type TableInfo } from '@ib/connectors';
import { ConnectionAccess, ConnectionProbe, type OpenConnectors } from '../../../connections';
import { type CommandRunner } from '../../../infrastructure/command-handling/command-runner';
import { type PublishedVersion, type PublishedVersions } from '../../publications/published-versions';
import { PromotionGate } from './promotion-gate';

const integrationId = 'int-1';
const at = '2025-03-04T05:06:07.000Z';

const attribute = (name: string, overrides: Partial<Attribute> = {}): Attribute => ({
  name,
  nativeType: 'VARCHAR(40)',
  type: 'Text',
  length: 40,
  nullable: true,
  primaryKey: false,
  autoIncrement: false,
  ...overrides,
});
const customers: Entity = {
  name: 'Customer',
  table: 'customers',
  kind: 'table',
  primaryKey: ['id'],
  attributes: [
    attribute('id', {
      nativeType: 'INTEGER',
      type: 'Integer',
      length: undefined,
      nullable: false,
      primaryKey: true,
    }),
    attribute('name', { nullable: false }),
    attribute('phone'),
  ],
};
const column = ({ name, nativeType, type, nullable, autoIncrement, length }: Attribute): ColumnInfo => ({
  name,
  nativeType,
  kind: type,
  nullable,
  autoIncrement,
  ...(length === undefined ? {} : { length }),
});
const table = (columns: readonly ColumnInfo[], primaryKey: readonly string[] = ['id']): TableInfo => ({
  schema: 'main',
  name: 'customers',
  kind: 'table',
  columns,
  primaryKey,
  foreignKeys: [],
  indexes: [],
});
const matching = table(customers.attributes.map(column));

/** A database with the given tables, or one whose test fails with `failure`. */
class FakeConnector implements Connector {
  readonly provider = 'sqlite' as const;
  described: string[][] = [];
  closed = 0;

  constructor(
    private readonly tables: readonly TableInfo[],
    private readonly failure?: ConnectorError,
  ) {}

  async testConnection() {
    if (this.failure) throw this.failure;
    return { ok: true as const, serverVersion: '3.45', latencyMs: 1 };
  }
  async listDatabases() {
    return ['main'];
  }
  async listTables(database: string) {
    return this.tables.map(({ name, kind }) => ({ schema: database, name, kind }));
  }
  async describe(_database: string, names: readonly string[]) {
    this.described.push([...names]);
    return this.tables.filter(({ name }) => names.includes(name));
  }
  async close() {
    this.closed += 1;
  }
}

const connection: ActiveConnection = {
  status: 'active',
  connectionId: 'conn-qa',
  environment: 'qa',
  name: 'QA copy',
  provider: 'sqlite',
  details: { path: 'qa.sqlite' },
  createdBy: 'root',
  createdAt: at,
};

const deployed = (version: number, connectionId?: string): IntegrationDeployments =>
  [
    {
      type: 'VersionDeployed',
      data: {
        integrationId,
        version,
        environment: 'qa',
        environmentKind: 'qa',
        deployedBy: 'root',
        deployedAt: at,
      },
    },
    ...(connectionId === undefined
      ? []
      : [
          {
            type: 'ConnectionBound',
            data: {
              integrationId,
              environment: 'qa',
              connectionId,
              connectionProvider: 'sqlite',
              boundBy: 'root',
              boundAt: at,
            },
          },
        ]),
  ].reduce(
    (state, event) => deploymentDecider.evolve(state, event as DeploymentEvent),
    deploymentDecider.initialState(),
  );

/** The gate over a connector standing for the target database: the driver is all that is faked. */
const gateOn = (connector: FakeConnector) => {
  const connectors = {
    of: async () => connector,
    openUnshared: async () => connector,
  } as unknown as OpenConnectors;
  const runner = { load: async () => ({ state: connection, version: 0 }) } as unknown as CommandRunner;
  const published: PublishedVersion = {
    version: 2,
    integrationVersion: 5,
    integration: { database: 'main', entities: [customers] } as unknown as PublishedVersion['integration'],
  };
  const versions = {
    version: async (_id: string, version: number) => (version === 2 ? published : undefined),
  } as unknown as PublishedVersions;
  return new PromotionGate(
    versions,
    new ConnectionAccess(runner, connectors),
    new ConnectionProbe(connectors),
  );
};

const promotion = { integrationId, environment: 'qa', version: 2 };
const binding = { integrationId, environment: 'qa', provider: 'sqlite' as const };

const thrown = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    return error as IllegalStateError;
  }
  throw new Error('expected the gate to refuse');
};

describe('PromotionGate', () => {
  describe('given a promotion where a connection is bound', () => {
    const bound = deployed(1, 'conn-qa');

    it('when the database matches the version, then it lets it through with nothing to record', async () => {
      const connector = new FakeConnector([matching]);

      await expect(gateOn(connector).beforePromotion(bound, promotion, {})).resolves.toBeUndefined();
      expect(connector.described).toEqual([['customers']]);
    });

    it('when the database lacks a column and narrowed another, then it refuses with 409 PROMOTION.SCHEMA_MISMATCH listing every difference', async () => {
      const [id, name] = matching.columns;
      const altered = table([
        id,
        { ...name, nativeType: 'VARCHAR(10)', length: 10 },
        column(attribute('email')),
      ]);

      const error = await thrown(gateOn(new FakeConnector([altered])).beforePromotion(bound, promotion, {}));

      expect(error).toBeInstanceOf(IllegalStateError);
      expect(error.code).toBe('PROMOTION.SCHEMA_MISMATCH');
      expect(error.extensions.differences).toEqual([
        expect.objectContaining({ kind: 'TYPE_NARROWED', breaking: true, column: 'name' }),
        expect.objectContaining({ kind: 'COLUMN_DROPPED', breaking: true, column: 'phone' }),
        expect.objectContaining({ kind: 'COLUMN_ADDED', breaking: false, column: 'email' }),
      ]);
    });

    it('when a table is missing, then it is a difference (never described, as describing it would fail)', async () => {
      const connector = new FakeConnector([]);

      const error = await thrown(gateOn(connector).beforePromotion(bound, promotion, {}));

      expect(error.extensions.differences).toEqual([
        expect.objectContaining({ kind: 'TABLE_DROPPED', table: 'customers' }),
      ]);
      expect(connector.described).toEqual([]);
    });

    it('when the key changed and the administrator forces it with a reason, then it answers the override to record', async () => {
      const changedKey = table(matching.columns, ['id', 'name']);

      const override = await gateOn(new FakeConnector([changedKey])).beforePromotion(bound, promotion, {
        force: true,
        reason: '  Accepted by the DBA  ',
      });

      expect(override).toEqual({
        reason: 'Accepted by the DBA',
        differences: [expect.objectContaining({ kind: 'KEY_CHANGED', expected: 'id', actual: 'id, name' })],
      });
    });

    it('when only non-breaking differences exist, then it lets it through and records no override', async () => {
      const added = table([...matching.columns, column(attribute('email'))]);

      await expect(
        gateOn(new FakeConnector([added])).beforePromotion(bound, promotion, {
          force: true,
          reason: 'why not',
        }),
      ).resolves.toBeUndefined();
    });

    it('when the connection test fails, then it refuses with 409 PROMOTION.CONNECTION_TEST_FAILED naming the code, even forced', async () => {
      const down = new FakeConnector(
        [matching],
        new ConnectorError('CONNECTOR.UNREACHABLE', 'Connection refused', true),
      );

      const error = await thrown(
        gateOn(down).beforePromotion(bound, promotion, { force: true, reason: 'deploy anyway' }),
      );

      expect([error.code, error.extensions.connectorCode]).toEqual([
        'PROMOTION.CONNECTION_TEST_FAILED',
        'CONNECTOR.UNREACHABLE',
      ]);
      expect(error.message).toContain('Connection refused');
      expect(down.closed).toBe(1);
    });

    it('when force comes without a reason, then it refuses the request before asking the database', async () => {
      const connector = new FakeConnector([matching]);

      const error = await thrown(
        gateOn(connector).beforePromotion(bound, promotion, { force: true, reason: ' ' }),
      );

      expect(error).toBeInstanceOf(ValidationError);
      expect(error.fieldErrors).toEqual([{ field: 'reason', message: 'is required with force' }]);
      expect(connector.closed).toBe(0);
    });
  });

  it('given no connection bound, when a version is promoted, then there is nothing to compare', async () => {
    const connector = new FakeConnector([]);

    await expect(gateOn(connector).beforePromotion(deployed(1), promotion, {})).resolves.toBeUndefined();
    expect(connector.closed).toBe(0);
  });

  it('given the version deployed already, when promoted again, then nothing changes and nothing is checked', async () => {
    const connector = new FakeConnector([]);

    await expect(
      gateOn(connector).beforePromotion(deployed(2, 'conn-qa'), promotion, {}),
    ).resolves.toBeUndefined();
  });

  describe('given a binding where version 2 is deployed', () => {
    it('when the database differs, then it refuses with the differences', async () => {
      const error = await thrown(
        gateOn(new FakeConnector([])).beforeBinding(deployed(2), binding, connection, {}),
      );

      expect(error.code).toBe('PROMOTION.SCHEMA_MISMATCH');
    });

    it('when the connection is of another provider or environment, then it leaves the refusal to the rules', async () => {
      const gate = gateOn(new FakeConnector([]));

      await expect(
        gate.beforeBinding(deployed(2), { ...binding, provider: 'mysql' }, connection, {}),
      ).resolves.toBeUndefined();
      await expect(
        gate.beforeBinding(deployed(2), binding, { ...connection, environment: 'production' }, {}),
      ).resolves.toBeUndefined();
    });

    it('when nothing is deployed there, then there is nothing to compare', async () => {
      await expect(
        gateOn(new FakeConnector([])).beforeBinding(
          deploymentDecider.initialState(),
          binding,
          connection,
          {},
        ),
      ).resolves.toBeUndefined();
    });
  });
});
