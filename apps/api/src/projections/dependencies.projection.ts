import { DEPENDENCY_EVENT_TYPES, type DependencyEvent, type RecordedEvent } from '@ib/domain';
import { isOneOf, type Projection, type RecordedOf } from './projection';

export type DependencyUpdateView = Readonly<{
  fromVersion: string;
  version: string;
  breaking: boolean;
  notes: string;
  installedBy: string;
  installedAt: string;
}>;

/** A runtime dependency once updated: its installed version and every update, oldest first. */
export type DependencyView = Readonly<{
  name: string;
  version: string;
  fromVersion: string;
  breaking: boolean;
  installedBy: string;
  installedAt: string;
  updates: readonly DependencyUpdateView[];
}>;

const isDependencyEvent = isOneOf<DependencyEvent>(DEPENDENCY_EVENT_TYPES);

const evolve = (view: DependencyView | undefined, recorded: RecordedEvent): DependencyView | undefined => {
  if (!isDependencyEvent(recorded)) return view;
  const { name, fromVersion, version, breaking, notes, installedBy, installedAt } = recorded.data;
  return {
    name,
    version,
    fromVersion,
    breaking,
    installedBy,
    installedAt,
    updates: [...(view?.updates ?? []), { fromVersion, version, breaking, notes, installedBy, installedAt }],
  };
};

export const dependenciesProjection: Projection<DependencyView> = {
  name: 'dependencies',
  handles: DEPENDENCY_EVENT_TYPES,
  idOf: (event) => (event as RecordedOf<DependencyEvent>).data.name,
  evolve,
};
