import { type Command } from '../shared/command';

/**
 * `installedVersion` is the version the product ships with (configuration); the stream's updates
 * move it on. `knownDependency` tells whether the name is one of the runtime dependencies.
 */
export type InstallDependencyUpdate = Command<
  'InstallDependencyUpdate',
  {
    name: string;
    knownDependency: boolean;
    installedVersion: string;
    version: string;
    breaking?: boolean;
    notes?: string;
  }
>;

export type DependencyCommand = InstallDependencyUpdate;
