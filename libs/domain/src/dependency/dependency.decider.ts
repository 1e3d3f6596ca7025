import { type Decider, assertNever } from '../shared/decider';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { ignoreUnknownEvent } from '../shared/ignore-unknown-event';
import { fieldErrors, textProblem, throwIfInvalid, trimmed } from '../shared/validation';
import { type DependencyCommand, type InstallDependencyUpdate } from './dependency.commands';
import { type DependencyEvent } from './dependency.events';

const MAX_NOTES = 2000;
const SEMVER = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;

export type EnvironmentVersion = Readonly<{ environment: string; version: string }>;

/**
 * No update yet: the version the product ships with is installed everywhere. Once updated: the
 * version of each environment's last update, and `everywhere`, the last of the updates installed
 * before updates were per environment (they apply to every environment without a later one).
 */
export type Dependency =
  | Readonly<{ status: 'none' }>
  | Readonly<{ status: 'updated'; everywhere?: string; environments: readonly EnvironmentVersion[] }>;

export const isSemver = (value: unknown): value is string => typeof value === 'string' && SEMVER.test(value);

const parts = (version: string): number[] => version.split('.').map(Number);

/** Orders two `x.y.z` versions: negative when `a` is older, 0 when equal, positive when newer. */
export const compareVersions = (a: string, b: string): number => {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

export const majorOf = (version: string): number => parts(version)[0];

/** The version installed now in `environment`: its last update, or the one shipped with the product. */
export const installedVersion = (state: Dependency, environment: string, shippedVersion: string): string =>
  state.status === 'none'
    ? shippedVersion
    : (state.environments.find((installed) => installed.environment === environment)?.version ??
      state.everywhere ??
      shippedVersion);

const initialState = (): Dependency => ({ status: 'none' });

const installUpdate = ({ data, metadata }: InstallDependencyUpdate, state: Dependency): DependencyEvent[] => {
  if (!data.knownDependency)
    throw new NotFoundError('DEPENDENCY.NOT_FOUND', `${data.name} is not a runtime dependency`);
  const notes = data.notes === undefined ? '' : trimmed(data.notes);
  throwIfInvalid(
    'DEPENDENCY.INVALID',
    'The dependency update is invalid',
    fieldErrors(
      ['environment', trimmed(data.environment) === '' ? 'is required' : undefined],
      ['version', isSemver(data.version) ? undefined : 'must be a version x.y.z, such as 2.0.0'],
      [
        'breaking',
        data.breaking === undefined || typeof data.breaking === 'boolean'
          ? undefined
          : 'must be true or false',
      ],
      [
        'notes',
        data.notes === undefined || typeof data.notes === 'string'
          ? notes.length > MAX_NOTES
            ? `must be at most ${MAX_NOTES} characters`
            : textProblem(notes, { multiline: true })
          : 'must be a text',
      ],
    ),
  );
  const current = installedVersion(state, data.environment, data.installedVersion);
  if (compareVersions(data.version, current) <= 0)
    throw new IllegalStateError(
      'DEPENDENCY.NOT_NEWER',
      `${data.name} ${current} is installed in environment ${data.environment}; ${data.version} is not newer`,
    );
  return [
    {
      type: 'DependencyUpdateInstalled',
      data: {
        name: data.name,
        fromVersion: current,
        version: data.version,
        // A new major version breaks its API by semver's promise, whatever the administrator said.
        breaking: data.breaking === true || majorOf(data.version) > majorOf(current),
        notes,
        installedBy: metadata.actorId,
        installedAt: metadata.now.toISOString(),
        environment: data.environment,
      },
    },
  ];
};

const decide = (command: DependencyCommand, state: Dependency): DependencyEvent[] => {
  switch (command.type) {
    case 'InstallDependencyUpdate':
      return installUpdate(command, state);
    default:
      // A single command so far: its type narrows, not the command.
      return assertNever(command.type);
  }
};

const evolve = (state: Dependency, event: DependencyEvent): Dependency => {
  switch (event.type) {
    case 'DependencyUpdateInstalled': {
      const { environment, version } = event.data;
      const environments = state.status === 'none' ? [] : state.environments;
      // An update for the whole installation reaches every environment, over what each had before.
      if (environment === undefined) return { status: 'updated', everywhere: version, environments: [] };
      return {
        status: 'updated',
        ...(state.status === 'updated' && state.everywhere !== undefined
          ? { everywhere: state.everywhere }
          : {}),
        environments: [
          ...environments.filter((installed) => installed.environment !== environment),
          {
            environment,
            version,
          },
        ],
      };
    }
    default:
      return ignoreUnknownEvent(event.type, state);
  }
};

export const dependencyDecider: Decider<Dependency, DependencyCommand, DependencyEvent> = {
  initialState,
  evolve,
  decide,
};
