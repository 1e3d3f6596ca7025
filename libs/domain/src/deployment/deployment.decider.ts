import { ENVIRONMENT_KINDS, type EnvironmentKind } from '../environment/environment.events';
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
} from './deployment.commands';
import { type DeploymentEvent } from './deployment.events';

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

export type RepublishRequirement = Readonly<{ dependency: string; reason: string; requiredAt: string }>;

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

/** A breaking dependency update is pending: the data API answers 409 until a republish. */
export const requiresRepublish = (state: IntegrationDeployments): boolean =>
  state.status === 'deployed' && state.republishRequired.length > 0;

const initialState = (): IntegrationDeployments => ({ status: 'none' });

const isEnvironmentKind = (value: unknown): value is EnvironmentKind =>
  typeof value === 'string' && (ENVIRONMENT_KINDS as readonly string[]).includes(value);

const required = (value: unknown): string | undefined => (trimmed(value) === '' ? 'is required' : undefined);

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
      },
    },
  ];
  // Only a version newer than development's was built after the breaking update.
  const pending = state.status === 'none' ? [] : state.republishRequired;
  if (data.environmentKind === 'development' && pending.length > 0 && data.version > (current?.version ?? 0))
    events.push({
      type: 'RepublishRequirementCleared',
      data: {
        integrationId: data.integrationId,
        version: data.version,
        dependencies: pending.map(({ dependency }) => dependency),
        clearedAt: at,
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
    fieldErrors(['connectionId', required(data.connectionId)], ['environment', required(data.environment)]),
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
      },
    },
  ];
};

const requireRepublish = (
  { data, metadata }: RequireRepublish,
  state: IntegrationDeployments,
): DeploymentEvent[] => {
  const dependency = trimmed(data.dependency);
  const reason = trimmed(data.reason);
  throwIfInvalid(
    'DEPLOYMENT.INVALID',
    'The republish requirement is invalid',
    fieldErrors(
      ['dependency', required(dependency)],
      ['reason', reason.length > MAX_REASON ? `must be at most ${MAX_REASON} characters` : required(reason)],
    ),
  );
  const integration = deployed(state, data.integrationId);
  if (integration.republishRequired.some((pending) => pending.dependency === dependency)) return [];
  return [
    {
      type: 'RepublishRequired',
      data: { integrationId: data.integrationId, dependency, reason, requiredAt: metadata.now.toISOString() },
    },
  ];
};

const decide = (command: DeploymentCommand, state: IntegrationDeployments): DeploymentEvent[] => {
  switch (command.type) {
    case 'DeployVersion':
      return deployVersion(command, state);
    case 'BindConnection':
      return bindConnection(command, state);
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
    case 'RepublishRequired': {
      const { dependency, reason, requiredAt } = event.data;
      return {
        ...state,
        republishRequired: [...state.republishRequired, { dependency, reason, requiredAt }],
      };
    }
    case 'RepublishRequirementCleared':
      return {
        ...state,
        republishRequired: state.republishRequired.filter(
          ({ dependency }) => !event.data.dependencies.includes(dependency),
        ),
      };
    default:
      return ignoreUnknownEvent(event, state);
  }
};

export const deploymentDecider: Decider<IntegrationDeployments, DeploymentCommand, DeploymentEvent> = {
  initialState,
  evolve,
  decide,
};
