import { type RuntimeDependency, dependencyDecider, dependencyStreamId, installedVersion } from '@ib/domain';
import { type CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { RUNTIME_DEPENDENCIES } from '../publications/publication-settings';

type StreamLoader = Pick<CommandRunner, 'load'>;

/** The version shipped with the product, or undefined when the name is not a runtime dependency. */
export const shippedVersion = (name: string): string | undefined =>
  RUNTIME_DEPENDENCIES.find((dependency) => dependency.name === name)?.version;

/**
 * The runtime dependencies installed now in `environment`: the shipped versions moved on by each
 * dependency's stream. A plain function too, so the publication process can record them with the
 * runner it already has.
 */
export const installedDependencies = (
  runner: StreamLoader,
  environment: string,
): Promise<RuntimeDependency[]> =>
  Promise.all(
    RUNTIME_DEPENDENCIES.map(async ({ name, version }) => {
      const { state } = await runner.load(dependencyStreamId(name), dependencyDecider);
      return { name, version: installedVersion(state, environment, version) };
    }),
  );
