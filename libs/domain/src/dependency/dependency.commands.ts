import { type Command } from '../shared/command';

/**
 * `installedVersion` is the version the product ships with (configuration); the stream's updates
 * move it on, per environment. `knownDependency` tells whether the name is one of the runtime
 * dependencies; `environment` is the one the update is installed in.
 */
export type InstallDependencyUpdate = Command<
  'InstallDependencyUpdate',
  {
    name: string;
    knownDependency: boolean;
    installedVersion: string;
    environment: string;
    version: string;
    breaking?: boolean;
    notes?: string;
  }
>;

export type DependencyCommand = InstallDependencyUpdate;
