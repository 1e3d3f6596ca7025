import { type Command } from '../shared/command';
import { type EnvironmentKind } from './environment.events';

/** The stream is `environment-<name>`, so a name is unique by construction. */
export type CreateEnvironment = Command<
  'CreateEnvironment',
  { name: string; kind: EnvironmentKind; address?: string }
>;

/**
 * Whether changes in the environment need a second administrator. `changeRequestId` names the approved
 * change request that switches four-eyes off: one administrator alone may turn it on, never off.
 */
export type ChangeEnvironmentPolicy = Command<
  'ChangeEnvironmentPolicy',
  { name: string; fourEyes: boolean; changeRequestId?: string }
>;

export type EnvironmentCommand = CreateEnvironment | ChangeEnvironmentPolicy;
