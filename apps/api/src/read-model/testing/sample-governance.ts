import {
  type AffectedApiKey,
  type AnyEvent,
  apiKeyDecider,
  apiKeyStreamId,
  assertNever,
  type ApiKeyCreated,
  type ChangeRequestCommand,
  changeRequestDecider,
  changeRequestStreamId,
  compareSchema,
  type ConnectionDetails,
  connectionDecider,
  connectionStreamId,
  currentDifferences,
  deploymentDecider,
  deploymentIn,
  DomainError,
  type DraftIntegration,
  type EnvironmentCreated,
  type EnvironmentKind,
  environmentDecider,
  environmentDriftCheckDecider,
  environmentDriftChecksStreamId,
  environmentStreamId,
  integrationDecider,
  integrationDeploymentsStreamId,
  type IntegrationCreated,
  integrationStreamId,
  type OpenIntegration,
  type RequestedChange,
  schemaDriftDecider,
  schemaDriftStreamId,
  SYSTEM_ACTOR_ID,
  type UserEvent,
  userStreamId,
} from '@ib/domain';
import { DRIFTS, type Drift, driftedDatabase } from './sample-drifted-database';
import { type Random } from './sample-random';
import { SampleLog, type Unstamped } from './sample-log';
import { type Script, type Step } from './sample-step';

export type SampleGovernanceContext = Readonly<{
  /** Every step of the history so far, in the order of the log. */
  history: readonly Step[];
  random: Random;
  at: () => string;
  /** The tables every sample database holds, published or not. */
  tables: readonly string[];
}>;

/** Steps taken one after the other before the sessions start, then sessions that interleave. */
export type SampleGovernance = Readonly<{ prelude: Step[]; sessions: Script[] }>;

/** The administrator of the history (registered as `root`), and the second one four-eyes needs. */
const ROOT = 'user-root';
const OPS = 'user-ops';

type Integration = DraftIntegration | OpenIntegration;

/** What a drift check finds first: mostly nothing, else one or two differences of any kind a first check sees. */
const FIRST_DRIFTS = DRIFTS.filter((drift) => drift !== 'TABLE_ADDED');

/**
 * What issue 15 added, taken up by the installation of a sample history once it has run a while: a
 * second administrator; four-eyes turned on in qa (and tried, then switched off again, in development,
 * which takes a change request) while production keeps its default (on); change requests there that
 * are applied, rejected, cancelled, refused when run, or left pending; bindings undone; a binding
 * forced over the promotion gate; and two rounds of drift checks in every environment, each with its
 * baselines, differences found (breaking or not, as compareSchema makes them) and drift resolved.
 * Every event comes from its aggregate's decider, on the state the history left its stream in.
 */
export function sampleGovernance({ history, random, at, tables }: SampleGovernanceContext): SampleGovernance {
  const log = new SampleLog(history, at);
  const created = <E extends AnyEvent>(type: E['type']): E['data'][] =>
    history.flatMap(({ event }) => (event.type === type ? [event.data as E['data']] : []));
  const environments = created<EnvironmentCreated>('EnvironmentCreated');
  const integrationIds = created<IntegrationCreated>('IntegrationCreated').map(
    ({ integrationId }) => integrationId,
  );
  const keyIds = created<ApiKeyCreated>('ApiKeyCreated').map(({ keyId }) => keyId);
  let changeRequests = 0;

  const integrationOf = (integrationId: string): Integration | undefined => {
    const state = log.stateOf(integrationDecider, integrationStreamId(integrationId));
    return state.status === 'none' ? undefined : state;
  };
  const deploymentsOf = (integrationId: string) =>
    log.stateOf(deploymentDecider, integrationDeploymentsStreamId(integrationId));

  // Four-eyes: a change is asked for by one administrator, decided by another, then run once.
  const decideChange = (
    changeRequestId: string,
    command: Unstamped<ChangeRequestCommand>,
    actorId: string,
  ) => {
    const stream = changeRequestStreamId(changeRequestId);
    const state = log.stateOf(changeRequestDecider, stream);
    const environment = state.status === 'none' ? '' : state.environment;
    return log.run(changeRequestDecider, stream, command, actorId, environment);
  };
  /** `change` is given the request's id, which names the password it seals. */
  const requestChange = (
    environment: string,
    change: RequestedChange | ((changeRequestId: string) => RequestedChange),
    summary: string,
    actorId: string,
  ) => {
    const changeRequestId = `cr-${(changeRequests += 1)}`;
    const steps = log.run(
      changeRequestDecider,
      changeRequestStreamId(changeRequestId),
      {
        type: 'RequestChange',
        data: {
          changeRequestId,
          environment,
          change: typeof change === 'function' ? change(changeRequestId) : change,
          summary,
        },
      },
      actorId,
      environment,
    );
    return { changeRequestId, steps };
  };
  /** As the application applies an approved change: a domain error refuses it, and the request records why. */
  const approveAndRun = (changeRequestId: string, actorId: string, change: () => Step[]): Step[] => {
    const steps = decideChange(
      changeRequestId,
      { type: 'ApproveChange', data: { changeRequestId } },
      actorId,
    );
    let outcome: Readonly<{ applied: true }> | Readonly<{ applied: false; code: string; message: string }>;
    try {
      steps.push(...change());
      outcome = { applied: true };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcome = { applied: false, code: error.code, message: error.message };
    }
    steps.push(
      ...decideChange(
        changeRequestId,
        { type: 'RecordChangeOutcome', data: { changeRequestId, outcome } },
        actorId,
      ),
    );
    return steps;
  };

  const changePolicy = (name: string, fourEyes: boolean, actorId: string, changeRequestId?: string) =>
    log.run(
      environmentDecider,
      environmentStreamId(name),
      {
        type: 'ChangeEnvironmentPolicy',
        data: { name, fourEyes, ...(changeRequestId === undefined ? {} : { changeRequestId }) },
      },
      actorId,
      name,
    );
  const unbind = (integrationId: string, environment: string, actorId: string) =>
    log.run(
      deploymentDecider,
      integrationDeploymentsStreamId(integrationId),
      { type: 'UnbindConnection', data: { integrationId, environment } },
      actorId,
      environment,
    );

  // Drift: each deployment's database drifts as the session says; a check compares every one served.
  const drifts = new Map<string, readonly Drift[]>();
  const firstDrift = (): readonly Drift[] =>
    random.chance(0.25) ? random.shuffled(FIRST_DRIFTS).slice(0, random.int(1, 2)) : [];
  /** Most drift is fixed by the next check, some grows, and now and then a table is added beside the published ones. */
  const laterDrift = (before: readonly Drift[]): readonly Drift[] => {
    if (before.length === 0) return random.chance(0.05) ? ['TABLE_ADDED'] : [];
    const outcome = random.int(0, 3);
    if (outcome < 2) return [];
    if (outcome === 2)
      return [...before, random.pick(FIRST_DRIFTS.filter((drift) => !before.includes(drift)))];
    return before;
  };
  const activeKeysIn = (environment: string): AffectedApiKey[] =>
    keyIds
      .map((keyId) => log.stateOf(apiKeyDecider, apiKeyStreamId(keyId)))
      .flatMap((key) => (key.status === 'active' && key.environment === environment ? [key] : []))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map(({ keyId, appName, label }) => ({ keyId, appName, label }));
  /**
   * A check of every deployment in the environment with a connection (bound there, or the
   * integration's own where it was built), as the application runs one: a connection gone is
   * unreachable, the others are compared with their database as `driftNow` leaves it.
   */
  const checkEnvironment = (
    environment: string,
    actorId: string,
    driftNow: (key: string, before: readonly Drift[]) => readonly Drift[],
  ): Step[] => {
    const steps: Step[] = [];
    const counts = { integrations: 0, breaking: 0, nonBreaking: 0, unreachable: 0 };
    const apiKeys = activeKeysIn(environment);
    for (const integrationId of integrationIds) {
      const integration = integrationOf(integrationId);
      const deployment = deploymentIn(deploymentsOf(integrationId), environment);
      if (integration?.database === undefined || deployment === undefined) continue;
      const connectionId =
        deployment.connectionId ??
        (integration.environment === environment ? integration.connectionId : undefined);
      if (connectionId === undefined) continue;
      counts.integrations += 1;
      if (log.stateOf(connectionDecider, connectionStreamId(connectionId)).status !== 'active') {
        counts.unreachable += 1;
        continue;
      }
      const key = `${integrationId}/${environment}`;
      const drift = driftNow(key, drifts.get(key) ?? []);
      drifts.set(key, drift);
      const { tables: listed, described } = driftedDatabase(integration.entities, tables, drift);
      const stream = schemaDriftStreamId(integrationId, environment);
      steps.push(
        ...log.run(
          schemaDriftDecider,
          stream,
          {
            type: 'RecordDriftCheck',
            data: {
              integrationId,
              environment,
              version: deployment.version,
              entities: integration.entities,
              tables: listed,
              described,
              apiKeys,
            },
          },
          actorId,
          environment,
        ),
      );
      const differences = currentDifferences(log.stateOf(schemaDriftDecider, stream));
      if (differences.some(({ breaking }) => breaking)) counts.breaking += 1;
      else if (differences.length > 0) counts.nonBreaking += 1;
    }
    steps.push(
      ...log.run(
        environmentDriftCheckDecider,
        environmentDriftChecksStreamId(environment),
        { type: 'RecordEnvironmentDriftCheck', data: { environment, ...counts } },
        actorId,
        environment,
      ),
    );
    return steps;
  };
  const firstCheck = (environment: string) =>
    checkEnvironment(environment, SYSTEM_ACTOR_ID, (_key, before) =>
      before.length > 0 ? before : firstDrift(),
    );
  const laterCheck = (environment: string) =>
    checkEnvironment(environment, ROOT, (_key, before) => laterDrift(before));

  /** Four-eyes tried in development, then switched off again: off takes a second administrator. */
  const development = (environment: string): Step[] => {
    const steps = [...firstCheck(environment), ...changePolicy(environment, true, ROOT)];
    const { changeRequestId, steps: requested } = requestChange(
      environment,
      { kind: 'environment-policy', fourEyes: false },
      `Switch four-eyes off in ${environment}`,
      ROOT,
    );
    steps.push(
      ...requested,
      ...approveAndRun(changeRequestId, OPS, () => changePolicy(environment, false, ROOT, changeRequestId)),
      ...laterCheck(environment),
    );
    return steps;
  };

  /** Bindings undone, four-eyes turned on, its switch-off refused, and one more binding undone by request. */
  const qa = (environment: string): Step[] => {
    const steps: Step[] = [];
    const bound = integrationIds.filter(
      (integrationId) => deploymentIn(deploymentsOf(integrationId), environment)?.connectionId !== undefined,
    );
    const unbound = bound.filter((_, index) => index === 0 || random.chance(0.25));
    for (const integrationId of unbound) steps.push(...unbind(integrationId, environment, ROOT));
    steps.push(...changePolicy(environment, true, ROOT), ...firstCheck(environment));
    const refused = requestChange(
      environment,
      { kind: 'environment-policy', fourEyes: false },
      `Switch four-eyes off in ${environment}`,
      OPS,
    );
    steps.push(
      ...refused.steps,
      ...decideChange(
        refused.changeRequestId,
        {
          type: 'RejectChange',
          data: {
            changeRequestId: refused.changeRequestId,
            reason: 'QA keeps four eyes until the release is signed off',
          },
        },
        ROOT,
      ),
    );
    const stillBound = bound.find((integrationId) => !unbound.includes(integrationId));
    if (stillBound !== undefined) {
      const name = integrationOf(stillBound)?.applicationName ?? stillBound;
      const { changeRequestId, steps: requested } = requestChange(
        environment,
        { kind: 'unbind', integrationId: stillBound },
        `Unbind the connection of ${name} in ${environment}`,
        ROOT,
      );
      steps.push(
        ...requested,
        ...approveAndRun(changeRequestId, OPS, () => unbind(stillBound, environment, ROOT)),
      );
    }
    steps.push(...laterCheck(environment));
    return steps;
  };

  /**
   * Production keeps four-eyes on: a connection created, a version promoted and the connection bound
   * over the gate's objection (the database lags behind the version), each by request; a deletion
   * asked for meanwhile that fails once the connection serves the deployment; a rotation withdrawn;
   * an edit left pending. The drift the gate saw is detected, then resolved once the database is migrated.
   */
  const production = (environment: string, kind: EnvironmentKind): Step[] => {
    const candidates = integrationIds.flatMap((integrationId) => {
      const integration = integrationOf(integrationId);
      const deployments = deploymentsOf(integrationId);
      const built =
        deployments.status === 'none'
          ? undefined
          : deployments.environments.find(({ environmentKind }) => environmentKind === 'development');
      return integration?.status === 'draft' &&
        integration.database !== undefined &&
        built !== undefined &&
        deploymentIn(deployments, environment) === undefined
        ? [{ integration, version: built.version }]
        : [];
    });
    // A server's connection, when there is one: it has a password to rotate.
    const governed = candidates.find(({ integration }) => integration.provider !== 'sqlite') ?? candidates[0];
    const steps: Step[] = [];
    if (governed === undefined) return [...firstCheck(environment), ...laterCheck(environment)];

    const { integration, version } = governed;
    const { integrationId, provider, applicationName } = integration;
    const connectionId = `conn-${environment}-1`;
    const connectionStream = connectionStreamId(connectionId);
    const name = `${applicationName} (${environment})`;
    const details: ConnectionDetails =
      provider === 'sqlite'
        ? { path: `${environment}/${integrationId}.sqlite` }
        : {
            host: `${environment}-db.example.test`,
            port: provider === 'mysql' ? 3306 : 1433,
            database: 'main',
            username: 'app',
            options: { encrypt: true },
          };
    const hasPassword = provider !== 'sqlite';

    const creation = requestChange(
      environment,
      (changeRequestId) => ({
        kind: 'create-connection',
        connection: { name, provider, details },
        ...(hasPassword ? { secretRef: `secret-${changeRequestId}` } : {}),
      }),
      `Create the ${provider} connection "${name}" in ${environment}`,
      OPS,
    );
    steps.push(
      ...creation.steps,
      // The command keeps a copy of the password of its own; the request's is destroyed once applied.
      ...approveAndRun(creation.changeRequestId, ROOT, () =>
        log.run(
          connectionDecider,
          connectionStream,
          {
            type: 'CreateConnection',
            data: {
              connectionId,
              environment,
              name,
              provider,
              details,
              ...(hasPassword ? { secretRef: `secret-${connectionId}` } : {}),
            },
          },
          OPS,
          environment,
        ),
      ),
    );

    const deletion = requestChange(
      environment,
      { kind: 'delete-connection', connectionId, ifMatch: log.versionOf(connectionStream) },
      `Delete the connection "${name}" in ${environment}`,
      ROOT,
    );
    steps.push(...deletion.steps);

    const deploymentsStream = integrationDeploymentsStreamId(integrationId);
    const promotion = requestChange(
      environment,
      { kind: 'promote', integrationId, body: { version, environment } },
      `Promote version ${version} of ${applicationName} to ${environment}`,
      ROOT,
    );
    steps.push(
      ...promotion.steps,
      ...approveAndRun(promotion.changeRequestId, OPS, () =>
        log.run(
          deploymentDecider,
          deploymentsStream,
          {
            type: 'DeployVersion',
            data: {
              integrationId,
              version,
              environment,
              environmentKind: kind,
              publishedVersions: [version],
              builtAgainst: [],
            },
          },
          ROOT,
          environment,
        ),
      ),
    );

    // The production table has a shorter column and one more: the gate objects, an administrator overrides it.
    const key = `${integrationId}/${environment}`;
    drifts.set(key, ['TYPE_NARROWED', 'COLUMN_ADDED']);
    const { described } = driftedDatabase(integration.entities, tables, drifts.get(key) ?? []);
    const reason = 'The production table is migrated in the next maintenance window';
    const binding = requestChange(
      environment,
      { kind: 'bind', integrationId, body: { connectionId, force: true, reason } },
      `Bind a connection to ${applicationName} in ${environment}`,
      OPS,
    );
    steps.push(
      ...binding.steps,
      ...approveAndRun(binding.changeRequestId, ROOT, () =>
        log.run(
          deploymentDecider,
          deploymentsStream,
          {
            type: 'BindConnection',
            data: {
              integrationId,
              environment,
              connectionId,
              connectionProvider: provider,
              connectionEnvironment: environment,
              integrationProvider: provider,
              override: { reason, differences: compareSchema(integration.entities, described) },
            },
          },
          OPS,
          environment,
        ),
      ),
      // Approved too late: the connection serves the deployment now, so deleting it is refused.
      ...approveAndRun(deletion.changeRequestId, OPS, () =>
        log.run(
          connectionDecider,
          connectionStream,
          { type: 'DeleteConnection', data: { connectionId, boundIn: [{ integrationId, environment }] } },
          ROOT,
          environment,
        ),
      ),
    );

    const secondChange = !hasPassword
      ? requestChange(
          environment,
          {
            kind: 'edit-connection',
            connectionId,
            edit: { name: `${name} replica` },
            ifMatch: log.versionOf(connectionStream),
          },
          `Change the connection "${name}" in ${environment}`,
          OPS,
        )
      : requestChange(
          environment,
          (changeRequestId) => ({
            kind: 'rotate-password',
            connectionId,
            secretRef: `secret-${changeRequestId}`,
            ifMatch: log.versionOf(connectionStream),
          }),
          `Rotate the password of the connection "${name}" in ${environment}`,
          OPS,
        );
    steps.push(
      ...secondChange.steps,
      ...decideChange(
        secondChange.changeRequestId,
        { type: 'CancelChange', data: { changeRequestId: secondChange.changeRequestId } },
        OPS,
      ),
      ...firstCheck(environment),
    );
    // Migrated: the next check finds the database in sync with the version.
    steps.push(
      ...checkEnvironment(environment, ROOT, (checked, before) =>
        checked === key ? [] : laterDrift(before),
      ),
      ...requestChange(
        environment,
        {
          kind: 'edit-connection',
          connectionId,
          edit: { name: `${name} primary` },
          ifMatch: log.versionOf(connectionStream),
        },
        `Change the connection "${name}" in ${environment}`,
        ROOT,
      ).steps,
    );
    return steps;
  };

  const ops: Step = {
    streamId: userStreamId('ops'),
    actorId: 'root',
    environment: environments[0]?.name ?? 'dev',
    event: {
      type: 'UserRegistered',
      data: {
        userId: OPS,
        username: 'ops',
        displayName: 'Operations',
        roles: environments.map(({ name }) => ({ environment: name, role: 'admin' })),
        createdBy: 'root',
        createdAt: at(),
      },
    } satisfies UserEvent,
  };
  return {
    prelude: [ops],
    sessions: environments.map(({ name, kind }) => (): Step[] => {
      switch (kind) {
        case 'development':
          return development(name);
        case 'qa':
          return qa(name);
        case 'production':
          return production(name, kind);
        default:
          return assertNever(kind);
      }
    }),
  };
}
