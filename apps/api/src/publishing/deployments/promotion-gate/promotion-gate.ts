import { Injectable } from '@nestjs/common';
import {
  type ActiveConnection,
  type IntegrationDeployments,
  IllegalStateError,
  type LiveTable,
  type Provider,
  type SchemaDifference,
  type SchemaOverride,
  ValidationError,
  breakingDifferences,
  compareSchema,
  deploymentIn,
} from '@ib/domain';
import { type Connector, ConnectorError } from '@ib/connectors';
import { ConnectionAccess, ConnectionProbe } from '../../../connections';
import { PublishedVersions } from '../../publications/published-versions';

/** Long enough for a database across a network, short enough for an administrator waiting on it. */
export const PROMOTION_PROBE_TIMEOUT_MS = 5_000;

/** What the administrator sent with a promotion or a binding: `force` deploys despite a schema mismatch. */
export type GateRequest = Readonly<{ force?: boolean; reason?: string }>;

type Target = Readonly<{ integrationId: string; environment: string }>;

const testFailed = (connection: ActiveConnection, code: string, message: string) =>
  new IllegalStateError(
    'PROMOTION.CONNECTION_TEST_FAILED',
    `Connection '${connection.name}' failed its test (${code}): ${message}`,
    [],
    { connectorCode: code },
  );

const mismatch = (version: number, differences: readonly SchemaDifference[]) => {
  const breaking = breakingDifferences(differences);
  return new IllegalStateError(
    'PROMOTION.SCHEMA_MISMATCH',
    `The database does not match version ${version}: ${breaking.map(({ message }) => message).join('; ')}. ` +
      'An administrator may deploy anyway with force and a reason',
    [],
    { differences },
  );
};

/**
 * The promotion gate: before a version meets a database (a promotion where a connection is bound, a
 * binding where a version is deployed), the connection must pass its test, and the tables of the
 * version's entities must be there as published. A breaking difference refuses the change unless the
 * administrator forces it with a reason, which the event then records with the differences. A failed
 * test cannot be forced: there is nothing to compare, and the data API would fail at once.
 *
 * Nothing records a passed test, so every gated change runs one. What the deciders refuse anyway (a
 * version not published, a connection of another provider or environment) is not tested: their error
 * says more than a test would.
 */
@Injectable()
export class PromotionGate {
  constructor(
    private readonly versions: PublishedVersions,
    private readonly connections: ConnectionAccess,
    private readonly probe: ConnectionProbe,
  ) {}

  /** Before `version` replaces what is deployed in the target: gated when a connection is bound there. */
  async beforePromotion(
    state: IntegrationDeployments,
    { integrationId, environment, version }: Target & Readonly<{ version: number }>,
    request: GateRequest,
  ): Promise<SchemaOverride | undefined> {
    assertReason(request);
    const current = deploymentIn(state, environment);
    if (current?.connectionId === undefined || current.version === version) return undefined;
    const connection = await this.connections.existing(current.connectionId);
    return this.check(integrationId, version, connection, request);
  }

  /** Before `connection` serves the version deployed in the target. */
  async beforeBinding(
    state: IntegrationDeployments,
    { integrationId, environment, provider }: Target & Readonly<{ provider: Provider }>,
    connection: ActiveConnection,
    request: GateRequest,
  ): Promise<SchemaOverride | undefined> {
    assertReason(request);
    const current = deploymentIn(state, environment);
    if (
      current === undefined ||
      current.connectionId === connection.connectionId ||
      connection.provider !== provider ||
      connection.environment !== environment
    )
      return undefined;
    return this.check(integrationId, current.version, connection, request);
  }

  private async check(
    integrationId: string,
    version: number,
    connection: ActiveConnection,
    request: GateRequest,
  ): Promise<SchemaOverride | undefined> {
    const published = await this.versions.version(integrationId, version);
    const database = connection.details.database ?? published?.integration.database;
    if (published === undefined || database === undefined) return undefined;
    const probed = await this.probe.probe(connection, PROMOTION_PROBE_TIMEOUT_MS);
    if (!probed.ok) throw testFailed(connection, probed.code, probed.message);
    const { entities } = published.integration;
    const tables = await this.connections
      .withConnector(connection, (connector) =>
        liveTables(
          connector,
          database,
          entities.map(({ table }) => table),
        ),
      )
      .catch((error: unknown) => {
        if (error instanceof ConnectorError) throw testFailed(connection, error.code, error.message);
        throw error;
      });
    const differences = compareSchema(entities, tables);
    if (breakingDifferences(differences).length === 0) return undefined;
    if (request.force !== true) throw mismatch(version, differences);
    return { reason: (request.reason ?? '').trim(), differences };
  }
}

/** A force says why; without one the request is refused before any database is asked. */
const assertReason = ({ force, reason }: GateRequest): void => {
  if (force === true && (reason === undefined || reason.trim() === ''))
    throw new ValidationError('REQUEST.INVALID', 'The request has invalid fields', [
      { field: 'reason', message: 'is required with force' },
    ]);
};

/**
 * The entities' tables as the database has them now. Describing a missing table fails, so the tables
 * are listed first (one query) and only those present described (one set-based query); a missing
 * database has no tables.
 */
const liveTables = async (
  connector: Connector,
  database: string,
  wanted: readonly string[],
): Promise<LiveTable[]> => {
  const listed = await connector.listTables(database).catch((error: unknown) => {
    if (error instanceof ConnectorError && error.code === 'CONNECTOR.DATABASE_NOT_FOUND') return [];
    throw error;
  });
  const present = wanted.filter((table) => listed.some(({ name }) => name === table));
  return present.length === 0 ? [] : connector.describe(database, present);
};
