import { compareVersions, isSemver } from '../dependency/dependency.decider';
import { ENVIRONMENT_KINDS, type EnvironmentKind } from '../environment/environment.events';
import { type RuntimeDependency } from '../publication/publication.events';
import { type Decider, assertNever } from '../shared/decider';
import { IllegalStateError } from '../shared/errors';
import { ignoreUnknownEvent } from '../shared/ignore-unknown-event';
import { type Provider } from '../shared/provider';
import { fieldErrors, throwIfInvalid, trimmed } from '../shared/validation';
import {
  type BindConnection,
  type DeployVersion,
  type DeploymentCommand,
  type RequireRepublish,
  type UnbindConnection,
} from './deployment.commands';
import { type DeploymentEvent, type SchemaOverride } from './deployment.events';

const MAX_REASON = 2000;

export type EnvironmentDeployment = Readonly<{
  environment: string;
  environmentKind: EnvironmentKind;
  version: number;
  deployedBy: string;
  deployedAt: string;
  connectionId?: string;
  connectionProvider?: Provider;
}>;

/**
 * A breaking update of `dependency` (to `version`) installed in `environment`. Without `environment`:
 * one installed everywhere, before updates were per environment; it holds in every environment.
 */
export type RepublishRequirement = Readonly<{
  dependency: string;
  reason: string;
  requiredAt: string;
  environment?: string;
  version?: string;
}>;

export type DeployedIntegration = Readonly<{
  status: 'deployed';
  integrationId: string;
  environments: readonly EnvironmentDeployment[];
  republishRequired: readonly RepublishRequirement[];
}>;
export type IntegrationDeployments = Readonly<{ status: 'none' }> | DeployedIntegration;

/** What the data API serves in an environment; without a connection it answers 409. */
export type Deployment = Readonly<{ version: number; connectionId?: string }>;

const find = (state: IntegrationDeployments, environment: string): EnvironmentDeployment | undefined =>
  state.status === 'none' ? undefined : state.environments.find((d) => d.environment === environment);

export const deploymentIn = (state: IntegrationDeployments, environment: string): Deployment | undefined => {
  const deployment = find(state, environment);
  if (deployment === undefined) return undefined;
  return deployment.connectionId === undefined
    ? { version: deployment.version }
    : { version: deployment.version, connectionId: deployment.connectionId };
};

/** The breaking updates pending in `environment`: its own and those installed everywhere. */
export const republishRequirementsIn = (
  state: IntegrationDeployments,
  environment: string,
): readonly RepublishRequirement[] =>
  state.status === 'none'
    ? []
    : state.republishRequired.filter(
        (pending) => pending.environment === undefined || pending.environment === environment,
      );

/** A breaking dependency update is pending in `environment`: its data API answers 409 there. */
export const requiresRepublish = (state: IntegrationDeployments, environment: string): boolean =>
  republishRequirementsIn(state, environment).length > 0;

/** Whether a version built against `builtAgainst` meets the requirement (it knows the breaking version). */
const meets = (builtAgainst: readonly RuntimeDependency[], requirement: RepublishRequirement): boolean => {
  const builtOn = builtAgainst.find(({ name }) => name === requirement.dependency)?.version;
  return (
    requirement.version !== undefined &&
    builtOn !== undefined &&
    isSemver(builtOn) &&
    compareVersions(builtOn, requirement.version) >= 0
  );
};

const sameRequirement = (a: RepublishRequirement, b: { dependency: string; environment?: string }) =>
  a.dependency === b.dependency && a.environment === b.environment;

const initialState = (): IntegrationDeployments => ({ status: 'none' });

const isEnvironmentKind = (value: unknown): value is EnvironmentKind =>
  typeof value === 'string' && (ENVIRONMENT_KINDS as readonly string[]).includes(value);

const required = (value: unknown): string | undefined => (trimmed(value) === '' ? 'is required' : undefined);

/** An override must say why: it is what an auditor reads when the data API fails on that database. */
const overrideProblem = (override: SchemaOverride | undefined): string | undefined => {
  if (override === undefined) return undefined;
  const reason = trimmed(override.reason);
  if (reason === '') return 'is required to override a schema mismatch';
  return reason.length > MAX_REASON ? `must be at most ${MAX_REASON} characters` : undefined;
};

const withOverride = (override: SchemaOverride | undefined) =>
  override === undefined
    ? {}
    : { override: { reason: trimmed(override.reason), differences: override.differences } };

const deployed = (
  state: IntegrationDeployments,
  integrationId: string,
  environment?: string,
): DeployedIntegration => {
  if (state.status === 'none' || (environment !== undefined && find(state, environment) === undefined))
    throw new IllegalStateError(
      'DEPLOYMENT.NOT_DEPLOYED',
      environment === undefined
        ? `Integration ${integrationId} is not deployed`
        : `Integration ${integrationId} is not deployed in environment ${environment}`,
    );
  return state;
};

const deployVersion = (
  { data, metadata }: DeployVersion,
  state: IntegrationDeployments,
): DeploymentEvent[] => {
  throwIfInvalid(
    'DEPLOYMENT.INVALID',
    'The deployment is invalid',
    fieldErrors(
      ['integrationId', required(data.integrationId)],
      [
        'version',
        Number.isSafeInteger(data.version) && data.version >= 1 ? undefined : 'must be an integer >= 1',
      ],
      ['environment', required(data.environment)],
      [
        'environmentKind',
        isEnvironmentKind(data.environmentKind)
          ? undefined
          : `must be one of ${ENVIRONMENT_KINDS.join(', ')}`,
      ],
      ['reason', overrideProblem(data.override)],
    ),
  );
  if (!data.publishedVersions.includes(data.version))
    throw new IllegalStateError(
      'DEPLOYMENT.VERSION_NOT_PUBLISHED',
      `Version ${data.version} of integration ${data.integrationId} is not published`,
    );
  const current = find(state, data.environment);
  if (current?.version === data.version) return [];
  const at = metadata.now.toISOString();
  const events: DeploymentEvent[] = [
    {
      type: 'VersionDeployed',
      data: {
        integrationId: data.integrationId,
        version: data.version,
        environment: data.environment,
        environmentKind: data.environmentKind,
        deployedBy: metadata.actorId,
        deployedAt: at,
        ...withOverride(data.override),
      },
    },
  ];
  const pending = state.status === 'none' ? [] : state.republishRequired;
  // An update installed everywhere is older than per-environment updates: only a version newer than
  // development's was built after it (the rule those requirements were written under).
  const everywhere = pending.filter(({ environment }) => environment === undefined);
  if (
    data.environmentKind === 'development' &&
    everywhere.length > 0 &&
    data.version > (current?.version ?? 0)
  )
    events.push({
      type: 'RepublishRequirementCleared',
      data: {
        integrationId: data.integrationId,
        version: data.version,
        dependencies: everywhere.map(({ dependency }) => dependency),
        clearedAt: at,
      },
    });
  const met = pending.filter(
    (requirement) => requirement.environment === data.environment && meets(data.builtAgainst, requirement),
  );
  if (met.length > 0)
    events.push({
      type: 'RepublishRequirementCleared',
      data: {
        integrationId: data.integrationId,
        version: data.version,
        dependencies: met.map(({ dependency }) => dependency),
        clearedAt: at,
        environment: data.environment,
      },
    });
  return events;
};

const bindConnection = (
  { data, metadata }: BindConnection,
  state: IntegrationDeployments,
): DeploymentEvent[] => {
  throwIfInvalid(
    'DEPLOYMENT.INVALID',
    'The connection binding is invalid',
    fieldErrors(
      ['connectionId', required(data.connectionId)],
      ['environment', required(data.environment)],
      ['reason', overrideProblem(data.override)],
    ),
  );
  const integration = deployed(state, data.integrationId, data.environment);
  if (data.connectionProvider !== data.integrationProvider)
    throw new IllegalStateError(
      'DEPLOYMENT.PROVIDER_MISMATCH',
      `A ${data.connectionProvider} connection cannot serve a ${data.integrationProvider} integration`,
    );
  if (data.connectionEnvironment !== data.environment)
    throw new IllegalStateError(
      'DEPLOYMENT.CONNECTION_ENVIRONMENT_MISMATCH',
      `Connection ${data.connectionId} belongs to environment ${data.connectionEnvironment}, not ${data.environment}`,
    );
  if (find(integration, data.environment)?.connectionId === data.connectionId) return [];
  return [
    {
      type: 'ConnectionBound',
      data: {
        integrationId: data.integrationId,
        environment: data.environment,
        connectionId: data.connectionId,
        connectionProvider: data.connectionProvider,
        boundBy: metadata.actorId,
        boundAt: metadata.now.toISOString(),
        ...withOverride(data.override),
      },
    },
  ];
};

const unbindConnection = (
  { data, metadata }: UnbindConnection,
  state: IntegrationDeployments,
): DeploymentEvent[] => {
  throwIfInvalid(
    'DEPLOYMENT.INVALID',
    'The connection unbinding is invalid',
    fieldErrors(['environment', required(data.environment)]),
  );
  const connectionId = find(state, data.environment)?.connectionId;
  if (connectionId === undefined)
    throw new IllegalStateError(
      'DEPLOYMENT.NOT_BOUND',
      `No connection serves integration ${data.integrationId} in environment ${data.environment}`,
    );
  return [
    {
      type: 'ConnectionUnbound',
      data: {
        integrationId: data.integrationId,
        environment: data.environment,
        connectionId,
        unboundBy: metadata.actorId,
        unboundAt: metadata.now.toISOString(),
      },
    },
  ];
};

/** A requirement of one environment names the breaking version that a deployment there must meet. */
const breakingVersionProblem = (version: unknown, environment: unknown): string | undefined => {
  if (version === undefined) return environment === undefined ? undefined : 'is required with an environment';
  return isSemver(version) ? undefined : 'must be a version x.y.z';
};

const requireRepublish = (
  { data, metadata }: RequireRepublish,
  state: IntegrationDeployments,
): DeploymentEvent[] => {
  const dependency = trimmed(data.dependency);
  const reason = trimmed(data.reason);
  const { environment, version } = data;
  throwIfInvalid(
    'DEPLOYMENT.INVALID',
    'The republish requirement is invalid',
    fieldErrors(
      ['dependency', required(dependency)],
      ['reason', reason.length > MAX_REASON ? `must be at most ${MAX_REASON} characters` : required(reason)],
      ['environment', environment === undefined ? undefined : required(environment)],
      ['version', breakingVersionProblem(version, environment)],
    ),
  );
  const integration = deployed(state, data.integrationId, environment);
  const known = integration.republishRequired.find((pending) =>
    sameRequirement(pending, { dependency, environment }),
  );
  // A later breaking update raises the version a deployment must be built against; an older one adds nothing.
  if (
    known !== undefined &&
    (known.version === undefined || version === undefined || compareVersions(known.version, version) >= 0)
  )
    return [];
  return [
    {
      type: 'RepublishRequired',
      data: {
        integrationId: data.integrationId,
        dependency,
        reason,
        requiredAt: metadata.now.toISOString(),
        ...(environment === undefined ? {} : { environment, version }),
      },
    },
  ];
};

const decide = (command: DeploymentCommand, state: IntegrationDeployments): DeploymentEvent[] => {
  switch (command.type) {
    case 'DeployVersion':
      return deployVersion(command, state);
    case 'BindConnection':
      return bindConnection(command, state);
    case 'UnbindConnection':
      return unbindConnection(command, state);
    case 'RequireRepublish':
      return requireRepublish(command, state);
    default:
      return assertNever(command);
  }
};

const withDeployment = (
  environments: readonly EnvironmentDeployment[],
  environment: string,
  change: (current: EnvironmentDeployment | undefined) => EnvironmentDeployment | undefined,
): readonly EnvironmentDeployment[] => {
  const current = environments.find((d) => d.environment === environment);
  const next = change(current);
  if (next === undefined) return environments;
  return current === undefined
    ? [...environments, next]
    : environments.map((d) => (d === current ? next : d));
};

const evolve = (state: IntegrationDeployments, event: DeploymentEvent): IntegrationDeployments => {
  if (event.type === 'VersionDeployed') {
    const { integrationId, deployedBy, deployedAt, environment, environmentKind, version } = event.data;
    const base: DeployedIntegration =
      state.status === 'none'
        ? { status: 'deployed', integrationId, environments: [], republishRequired: [] }
        : state;
    return {
      ...base,
      // The binding belongs to the environment, so it survives a new version.
      environments: withDeployment(base.environments, environment, (current) => ({
        ...current,
        environment,
        environmentKind,
        version,
        deployedBy,
        deployedAt,
      })),
    };
  }
  // Facts about an integration never deployed cannot change anything; evolve must not throw.
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ConnectionBound':
      return {
        ...state,
        environments: withDeployment(state.environments, event.data.environment, (current) =>
          current === undefined
            ? undefined
            : {
                ...current,
                connectionId: event.data.connectionId,
                connectionProvider: event.data.connectionProvider,
              },
        ),
      };
    case 'ConnectionUnbound':
      return {
        ...state,
        environments: withDeployment(state.environments, event.data.environment, (current) => {
          if (current === undefined) return undefined;
          const { connectionId: _connectionId, connectionProvider: _provider, ...unbound } = current;
          return unbound;
        }),
      };
    case 'RepublishRequired': {
      const { dependency, reason, requiredAt, environment, version } = event.data;
      const requirement: RepublishRequirement = {
        dependency,
        reason,
        requiredAt,
        ...(environment === undefined ? {} : { environment }),
        ...(version === undefined ? {} : { version }),
      };
      return {
        ...state,
        republishRequired: [
          ...state.republishRequired.filter((pending) => !sameRequirement(pending, requirement)),
          requirement,
        ],
      };
    }
    case 'RepublishRequirementCleared': {
      const { dependencies, environment } = event.data;
      return {
        ...state,
        republishRequired: state.republishRequired.filter(
          (pending) => pending.environment !== environment || !dependencies.includes(pending.dependency),
        ),
      };
    }
    default:
      return ignoreUnknownEvent(event, state);
  }
};

export const deploymentDecider: Decider<IntegrationDeployments, DeploymentCommand, DeploymentEvent> = {
  initialState,
  evolve,
  decide,
};
