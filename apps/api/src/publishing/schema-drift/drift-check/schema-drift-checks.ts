import { Injectable, Logger } from '@nestjs/common';
import {
  type ActiveConnection,
  type AffectedApiKey,
  ConcurrencyError,
  currentDifferences,
  environmentDriftCheckDecider,
  environmentDriftChecksStreamId,
  type LiveTable,
  NotFoundError,
  schemaDriftDecider,
  schemaDriftStreamId,
} from '@ib/domain';
import { type Connector, ConnectorError } from '@ib/connectors';
import { ConnectionAccess, OpenConnectors } from '../../../connections';
import { ApiKeyViews } from '../../../identity';
import { IntegrationViews } from '../../../integrations';
import { type Actor } from '../../../infrastructure/command-handling/actor';
import { CommandRunner } from '../../../infrastructure/command-handling/command-runner';
import { type DeploymentView, DeploymentViews } from '../../deployments/deployment-queries/deployment-views';
import { PublishedVersions, type PublishedVersion } from '../../publications/published-versions';
import { countsOf, type EnvironmentDriftResult, type IntegrationDriftResult } from './drift-check.result';

/** Long enough for a catalog query across a network, short enough for an admin waiting on the answer. */
export const DRIFT_CHECK_TIMEOUT_MS = 10_000;

/** Appends on a drift stream that another check appended to meanwhile are decided again, this often. */
const APPEND_ATTEMPTS = 3;

type Described = Readonly<{ tables: readonly string[]; described: readonly LiveTable[] }>;

const failure = (error: unknown): Readonly<{ code: string; message: string }> =>
  error instanceof ConnectorError
    ? { code: error.code, message: error.message }
    : { code: 'CONNECTOR.UNREACHABLE', message: 'The database could not be described' };

const timeout = (ms: number) =>
  new ConnectorError('CONNECTOR.TIMEOUT', `The database did not answer within ${ms} ms`, true);

/**
 * Compares what is deployed in an environment with the databases that serve it: for each deployed
 * version with a connection (bound there, or in development the integration's own, as the data API
 * resolves them), lists the database's tables, describes the version's tables in one set-based call,
 * and records what changed in the integration's drift stream (the decider compares). A database that
 * does not answer is a result (`unreachable`), not a failure of the whole check.
 */
@Injectable()
export class SchemaDriftChecks {
  private readonly logger = new Logger(SchemaDriftChecks.name);

  constructor(
    private readonly deployments: DeploymentViews,
    private readonly integrations: IntegrationViews,
    private readonly versions: PublishedVersions,
    private readonly connections: ConnectionAccess,
    private readonly connectors: OpenConnectors,
    private readonly apiKeys: ApiKeyViews,
    private readonly runner: CommandRunner,
  ) {}

  async checkEnvironment(
    environment: string,
    actor: Actor,
    timeoutMs = DRIFT_CHECK_TIMEOUT_MS,
  ): Promise<EnvironmentDriftResult> {
    const [deployments, apiKeys] = await Promise.all([
      this.deployments.list({ environment }),
      this.apiKeysOf(environment),
    ]);
    const results = await Promise.all(
      deployments.map((deployment) => this.checkDeployment(deployment, apiKeys, actor, timeoutMs)),
    );
    const integrations = results.flatMap((result) => (result === undefined ? [] : [result]));
    const { events } = await this.runner.run(
      environmentDriftChecksStreamId(environment),
      environmentDriftCheckDecider,
      () => ({
        type: 'RecordEnvironmentDriftCheck',
        data: {
          environment,
          integrations: integrations.length,
          breaking: integrations.filter(({ breaking }) => breaking > 0).length,
          nonBreaking: integrations.filter(({ breaking, nonBreaking }) => breaking === 0 && nonBreaking > 0)
            .length,
          unreachable: integrations.filter(({ status }) => status === 'unreachable').length,
        },
        metadata: { environment },
      }),
      { actor: withoutIdempotencyKey(actor) },
    );
    return { environment, checkedAt: events[0].data.checkedAt, integrations };
  }

  /** One integration now (the data API asks when the database says a table or column is missing). */
  async checkIntegration(
    environment: string,
    integrationId: string,
    actor: Actor,
    timeoutMs = DRIFT_CHECK_TIMEOUT_MS,
  ): Promise<IntegrationDriftResult | undefined> {
    const deployment = await this.deployments.find(integrationId, environment);
    if (deployment === undefined) return undefined;
    return this.checkDeployment(deployment, await this.apiKeysOf(environment), actor, timeoutMs);
  }

  /** Undefined when nothing serves the deployment (no connection, no published version): nothing to compare. */
  private async checkDeployment(
    deployment: DeploymentView,
    apiKeys: readonly AffectedApiKey[],
    actor: Actor,
    timeoutMs: number,
  ): Promise<IntegrationDriftResult | undefined> {
    const { integrationId, version } = deployment;
    const connectionId = await this.connectionOf(deployment);
    const published = await this.versions.version(integrationId, version);
    if (connectionId === undefined || published?.integration.database === undefined) return undefined;
    const unreachable = (error: Readonly<{ code: string; message: string }>): IntegrationDriftResult => ({
      integrationId,
      version,
      status: 'unreachable',
      differences: [],
      breaking: 0,
      nonBreaking: 0,
      error,
    });
    const connection = await this.connections.existing(connectionId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    if (connection === undefined)
      return unreachable({ code: 'CONNECTION.NOT_FOUND', message: 'The bound connection no longer exists' });
    // A connection bound in an environment may name the database that serves it there (QA's copy).
    const database =
      (deployment.connectionId === undefined ? undefined : connection.details.database) ||
      published.integration.database;
    let seen: Described;
    try {
      seen = await this.describe(connection, database, published, timeoutMs);
    } catch (error) {
      return unreachable(failure(error));
    }
    const differences = await this.record(deployment, published, seen, apiKeys, actor);
    return {
      integrationId,
      version,
      status: differences.length > 0 ? 'drift' : 'ok',
      differences,
      ...countsOf(differences),
    };
  }

  /** On a connector of the check's own (a shared one may answer through a handle to a file since replaced). */
  private async describe(
    connection: ActiveConnection,
    database: string,
    published: PublishedVersion,
    timeoutMs: number,
  ): Promise<Described> {
    let connector: Connector | undefined;
    let timer: NodeJS.Timeout | undefined;
    const work = async (): Promise<Described> => {
      connector = await this.connectors.openUnshared(connection);
      const tables = (await connector.listTables(database)).map(({ name }) => name);
      const present = new Set(tables);
      const wanted = [...new Set(published.integration.entities.map(({ table }) => table))].filter((table) =>
        present.has(table),
      );
      const described = wanted.length === 0 ? [] : await connector.describe(database, wanted);
      return { tables, described };
    };
    const running = work();
    try {
      return await Promise.race([
        running,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(timeout(timeoutMs)), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
      // Closed once the work is done, also when the check gave up waiting for it.
      void running
        .catch(() => undefined)
        .finally(() =>
          connector?.close().catch((error: unknown) => {
            this.logger.warn(`A drift check's connector did not close cleanly: ${String(error)}`);
          }),
        );
    }
  }

  /** Decided on the stream as it is: a check that ran at the same time and appended first is seen. */
  private async record(
    { integrationId, environment, version }: DeploymentView,
    published: PublishedVersion,
    { tables, described }: Described,
    apiKeys: readonly AffectedApiKey[],
    actor: Actor,
  ) {
    for (let attempt = 1; ; attempt++)
      try {
        const { state } = await this.runner.run(
          schemaDriftStreamId(integrationId, environment),
          schemaDriftDecider,
          () => ({
            type: 'RecordDriftCheck',
            data: {
              integrationId,
              environment,
              version,
              entities: published.integration.entities,
              tables,
              described,
              apiKeys,
            },
            metadata: { environment },
          }),
          { actor: withoutIdempotencyKey(actor) },
        );
        return currentDifferences(state);
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= APPEND_ATTEMPTS) throw error;
      }
  }

  /** In development the integration's own connection serves it unless another one is bound. */
  private async connectionOf({ integrationId, environment, connectionId }: DeploymentView) {
    if (connectionId !== undefined) return connectionId;
    const integration = await this.integrations.find(integrationId);
    return integration?.environment === environment ? integration.connectionId : undefined;
  }

  /** The keys that can reach what is deployed in the environment: its active keys. */
  private async apiKeysOf(environment: string): Promise<AffectedApiKey[]> {
    const { items } = await this.apiKeys.list(environment);
    return items
      .filter(({ status }) => status === 'active')
      .map(({ id, appName, label }) => ({ keyId: id, appName, label }));
  }
}

/**
 * A check records what it finds whenever it runs: a retried request must compare again rather than be
 * answered what an earlier attempt found.
 */
const withoutIdempotencyKey = ({ userId, correlationId, causationId }: Actor): Actor => ({
  userId,
  correlationId,
  causationId,
});
