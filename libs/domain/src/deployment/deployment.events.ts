import { type EnvironmentKind } from '../environment/environment.events';
import { type Event } from '../shared/event';
import { type Provider } from '../shared/provider';
import { type SchemaDifference } from '../schema-drift/schema-comparison';

/**
 * An administrator deployed or bound although the target database does not match the version's
 * entities: why, and every difference the promotion gate found then (breaking ones included).
 */
export type SchemaOverride = Readonly<{ reason: string; differences: readonly SchemaDifference[] }>;

export type VersionDeployed = Event<
  'VersionDeployed',
  {
    integrationId: string;
    version: number;
    environment: string;
    environmentKind: EnvironmentKind;
    deployedBy: string;
    deployedAt: string;
    /** Present when the promotion gate's schema mismatch was overridden. */
    override?: SchemaOverride;
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
    /** Present when the promotion gate's schema mismatch was overridden. */
    override?: SchemaOverride;
  }
>;

/** The environment is no longer served by a connection: it answers as one never bound. */
export type ConnectionUnbound = Event<
  'ConnectionUnbound',
  {
    integrationId: string;
    environment: string;
    connectionId: string;
    unboundBy: string;
    unboundAt: string;
  }
>;

/**
 * A breaking update of a runtime dependency was installed in `environment`, where the version deployed
 * was built against an older one: the data API answers 409 there until a version built against
 * `version` (the breaking one) or newer is deployed there.
 *
 * Without `environment` (written before updates were per environment), the update was installed
 * everywhere: the requirement holds in every environment, until a newer version reaches development.
 */
export type RepublishRequired = Event<
  'RepublishRequired',
  {
    integrationId: string;
    dependency: string;
    reason: string;
    requiredAt: string;
    environment?: string;
    version?: string;
  }
>;

/**
 * The requirements of `dependencies` in `environment` are met by the version deployed there. Without
 * `environment`: the requirements that hold in every environment are met, because a newer version
 * reached development, so it was built against the updated dependencies.
 */
export type RepublishRequirementCleared = Event<
  'RepublishRequirementCleared',
  {
    integrationId: string;
    version: number;
    dependencies: readonly string[];
    clearedAt: string;
    environment?: string;
  }
>;

export type DeploymentEvent =
  VersionDeployed | ConnectionBound | ConnectionUnbound | RepublishRequired | RepublishRequirementCleared;

export const DEPLOYMENT_EVENT_TYPES: readonly DeploymentEvent['type'][] = [
  'VersionDeployed',
  'ConnectionBound',
  'ConnectionUnbound',
  'RepublishRequired',
  'RepublishRequirementCleared',
];
