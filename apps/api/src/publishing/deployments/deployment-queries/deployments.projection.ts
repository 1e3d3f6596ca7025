import {
  type ConnectionBound,
  type ConnectionUnbound,
  type EnvironmentKind,
  type Provider,
  type RecordedEvent,
  type VersionDeployed,
} from '@ib/domain';
import { isOneOf, type Projection, type RecordedOf } from '../../../infrastructure/read-model/projection';

/** What serves an integration in one environment: the deployed version and the bound connection. */
export type DeploymentView = Readonly<{
  /** `${integrationId}:${environment}`: one document per integration and environment. */
  id: string;
  integrationId: string;
  environment: string;
  environmentKind: EnvironmentKind;
  version: number;
  deployedBy: string;
  deployedAt: string;
  connectionId?: string;
  connectionProvider?: Provider;
  boundBy?: string;
  boundAt?: string;
}>;

type DeploymentViewEvent = VersionDeployed | ConnectionBound | ConnectionUnbound;

/** The republish events share the deployments stream but belong to the dependency states view. */
const DEPLOYMENT_VIEW_EVENT_TYPES: readonly DeploymentViewEvent['type'][] = [
  'VersionDeployed',
  'ConnectionBound',
  'ConnectionUnbound',
];

const isDeploymentViewEvent = isOneOf<DeploymentViewEvent>(DEPLOYMENT_VIEW_EVENT_TYPES);

export const deploymentId = (integrationId: string, environment: string): string =>
  `${integrationId}:${environment}`;

const evolve = (view: DeploymentView | undefined, recorded: RecordedEvent): DeploymentView | undefined => {
  if (!isDeploymentViewEvent(recorded)) return view;
  if (recorded.type === 'VersionDeployed') {
    const { integrationId, environment, environmentKind, version, deployedBy, deployedAt } = recorded.data;
    // The binding belongs to the environment, so it survives a new version.
    return {
      ...view,
      id: deploymentId(integrationId, environment),
      integrationId,
      environment,
      environmentKind,
      version,
      deployedBy,
      deployedAt,
    };
  }
  // A binding where nothing is deployed cannot come from the aggregate: nothing to show.
  if (view === undefined) return undefined;
  if (recorded.type === 'ConnectionUnbound') {
    // Served by no connection again: the document reads as one never bound.
    const {
      connectionId: _connectionId,
      connectionProvider: _connectionProvider,
      boundBy: _boundBy,
      boundAt: _boundAt,
      ...unbound
    } = view;
    return unbound;
  }
  const { connectionId, connectionProvider, boundBy, boundAt } = recorded.data;
  return { ...view, connectionId, connectionProvider, boundBy, boundAt };
};

export const deploymentsProjection: Projection<DeploymentView> = {
  name: 'deployments',
  handles: DEPLOYMENT_VIEW_EVENT_TYPES,
  idOf: (event) => {
    const { integrationId, environment } = (event as RecordedOf<DeploymentViewEvent>).data;
    return deploymentId(integrationId, environment);
  },
  evolve,
};
