import { type EnvironmentKind } from '@ib/domain';

/** The version an integration serves in one environment. */
export type DeployedVersion = Readonly<{
  environment: string;
  environmentKind: EnvironmentKind;
  version: number;
}>;

/**
 * Where each of some integrations is deployed, in one read for all of them (a page of the list asks
 * once, not once per row). Publishing knows it and provides it; Integrations only asks, so it never
 * depends on Publishing. An integration deployed nowhere has no entry.
 */
export interface DeployedVersions {
  deployedVersionsOf(integrationIds: readonly string[]): Promise<ReadonlyMap<string, DeployedVersion[]>>;
}

export const DEPLOYED_VERSIONS = Symbol('DEPLOYED_VERSIONS');
