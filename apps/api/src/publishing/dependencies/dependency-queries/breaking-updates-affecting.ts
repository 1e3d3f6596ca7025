import { type RuntimeDependency, compareVersions } from '@ib/domain';
import { type DependencyView } from './dependencies.projection';

/**
 * A breaking update installed in some environment that a deployed version was built before: the
 * version must not reach an environment that has the update, and the environments that still serve
 * it need a version built against the update before they get it too.
 */
export type BreakingUpdateAffecting = Readonly<{
  dependency: string;
  /** The newest breaking version installed anywhere. */
  version: string;
  /** What the deployed version was built against; absent: it recorded no version of the dependency. */
  builtOn?: string;
  /** The environments it is installed in (a breaking version newer than `builtOn`), by name. */
  installedIn: readonly string[];
}>;

/**
 * The breaking updates installed in any environment that a version built against `builtAgainst` was
 * built before, one per dependency. Updates recorded before updates were per environment (no
 * `environment`) already require a republish everywhere: they are not repeated here.
 */
export function breakingUpdatesAffecting(
  builtAgainst: readonly RuntimeDependency[],
  dependencies: readonly DependencyView[],
): BreakingUpdateAffecting[] {
  return dependencies.flatMap(({ name, updates }) => {
    const builtOn = builtAgainst.find((dependency) => dependency.name === name)?.version;
    const affecting = updates.filter(
      ({ breaking, environment, version }) =>
        breaking &&
        environment !== undefined &&
        // A version that recorded no such dependency was not built against the new one either.
        (builtOn === undefined || compareVersions(builtOn, version) < 0),
    );
    if (affecting.length === 0) return [];
    const newest = affecting.reduce((a, b) => (compareVersions(b.version, a.version) > 0 ? b : a));
    return [
      {
        dependency: name,
        version: newest.version,
        ...(builtOn === undefined ? {} : { builtOn }),
        installedIn: [...new Set(affecting.map(({ environment }) => environment!))].sort(),
      },
    ];
  });
}
