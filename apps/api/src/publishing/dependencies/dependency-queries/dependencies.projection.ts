import { DEPENDENCY_EVENT_TYPES, type DependencyEvent, type RecordedEvent } from '@ib/domain';
import { isOneOf, type Projection, type RecordedOf } from '../../../infrastructure/read-model/projection';

/** One update; `environment` is absent on those installed everywhere (before updates were per environment). */
export type DependencyUpdateView = Readonly<{
  fromVersion: string;
  version: string;
  breaking: boolean;
  notes: string;
  installedBy: string;
  installedAt: string;
  environment?: string;
}>;

/** The last update that reached an environment: what runs there now. */
export type InstalledVersionView = Readonly<{
  version: string;
  fromVersion: string;
  breaking: boolean;
  installedBy: string;
  installedAt: string;
}>;

export type EnvironmentVersionView = InstalledVersionView & Readonly<{ environment: string }>;

/**
 * A runtime dependency once updated: the version installed in each environment that installed one,
 * `everywhere` the last update installed before updates were per environment (it runs in every
 * environment without a later update of its own), and every update, oldest first.
 */
export type DependencyView = Readonly<{
  name: string;
  everywhere?: InstalledVersionView;
  environments: readonly EnvironmentVersionView[];
  updates: readonly DependencyUpdateView[];
}>;

/** The version installed in `environment` as the view holds it; undefined: the shipped one. */
export const installedIn = (view: DependencyView, environment: string): InstalledVersionView | undefined => {
  const own = view.environments.find((installed) => installed.environment === environment);
  if (own === undefined) return view.everywhere;
  const { environment: _environment, ...installed } = own;
  return installed;
};

/** The updates that reached `environment`: its own and those installed everywhere. */
export const updatesIn = (view: DependencyView, environment: string): DependencyUpdateView[] =>
  view.updates.filter((update) => update.environment === undefined || update.environment === environment);

const isDependencyEvent = isOneOf<DependencyEvent>(DEPENDENCY_EVENT_TYPES);

const evolve = (view: DependencyView | undefined, recorded: RecordedEvent): DependencyView | undefined => {
  if (!isDependencyEvent(recorded)) return view;
  const { name, fromVersion, version, breaking, notes, installedBy, installedAt, environment } =
    recorded.data;
  const installed: InstalledVersionView = { version, fromVersion, breaking, installedBy, installedAt };
  const updates = [
    ...(view?.updates ?? []),
    {
      fromVersion,
      version,
      breaking,
      notes,
      installedBy,
      installedAt,
      ...(environment === undefined ? {} : { environment }),
    },
  ];
  // An update installed everywhere reaches every environment, over what each had before (the decider's rule).
  if (environment === undefined) return { name, everywhere: installed, environments: [], updates };
  return {
    name,
    ...(view?.everywhere === undefined ? {} : { everywhere: view.everywhere }),
    environments: [
      ...(view?.environments ?? []).filter((other) => other.environment !== environment),
      { environment, ...installed },
    ],
    updates,
  };
};

export const dependenciesProjection: Projection<DependencyView> = {
  name: 'dependencies',
  handles: DEPENDENCY_EVENT_TYPES,
  idOf: (event) => (event as RecordedOf<DependencyEvent>).data.name,
  evolve,
};
