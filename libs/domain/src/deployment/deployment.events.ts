import { type EnvironmentKind } from '../environment/environment.events';
import { type Event } from '../shared/event';
import { type Provider } from '../shared/provider';

export type VersionDeployed = Event<
  'VersionDeployed',
  {
    integrationId: string;
    version: number;
    environment: string;
    environmentKind: EnvironmentKind;
    deployedBy: string;
    deployedAt: string;
  }
>;

export type ConnectionBound = Event<
  'ConnectionBound',
  {
    integrationId: string;
    environment: string;
    connectionId: string;
    connectionProvider: Provider;
    boundBy: string;
    boundAt: string;
  }
>;

/** A breaking update of a runtime dependency: the integration's data API answers 409 until republished. */
export type RepublishRequired = Event<
  'RepublishRequired',
  { integrationId: string; dependency: string; reason: string; requiredAt: string }
>;

/** A new version reached development, so it was built against the updated dependencies. */
export type RepublishRequirementCleared = Event<
  'RepublishRequirementCleared',
  { integrationId: string; version: number; dependencies: readonly string[]; clearedAt: string }
>;

export type DeploymentEvent =
  VersionDeployed | ConnectionBound | RepublishRequired | RepublishRequirementCleared;

export const DEPLOYMENT_EVENT_TYPES: readonly DeploymentEvent['type'][] = [
  'VersionDeployed',
  'ConnectionBound',
  'RepublishRequired',
  'RepublishRequirementCleared',
];
