import { type Decider, assertNever } from '../shared/decider';
import { ignoreUnknownEvent } from '../shared/ignore-unknown-event';
import {
  type RecordDriftCheck,
  type EnvironmentDriftCheckCommand,
  type SchemaDriftCommand,
} from './schema-drift.commands';
import { compareSchema, type SchemaDifference } from './schema-comparison';
import { type EnvironmentDriftCheckEvent, type SchemaDriftEvent } from './schema-drift.events';

/**
 * The drift of one integration in one environment: unchecked, or checked against `version` with the
 * tables its database had at that version's first check and the differences recorded last (none: in
 * sync).
 */
export type SchemaDrift =
  | Readonly<{ status: 'unchecked' }>
  | Readonly<{
      status: 'checked';
      version: number;
      tables: readonly string[];
      differences: readonly SchemaDifference[];
    }>;

const keyOf = ({ kind, table, column, expected, actual }: SchemaDifference): string =>
  JSON.stringify([kind, table, column ?? null, expected ?? null, actual ?? null]);

/** The same differences, in whatever order the database listed them. */
export const sameDifferences = (a: readonly SchemaDifference[], b: readonly SchemaDifference[]): boolean => {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map(keyOf));
  return b.every((difference) => keys.has(keyOf(difference)));
};

/** The differences recorded last: the drift as it stands. */
export const currentDifferences = (state: SchemaDrift): readonly SchemaDifference[] =>
  state.status === 'checked' ? state.differences : [];

const initialState = (): SchemaDrift => ({ status: 'unchecked' });

const recordCheck = ({ data, metadata }: RecordDriftCheck, state: SchemaDrift): SchemaDriftEvent[] => {
  const { integrationId, environment, version } = data;
  const at = metadata.now.toISOString();
  // A new version (or the first check) starts from the tables there are now: none of them is new.
  const first = state.status === 'unchecked' || state.version !== version;
  const known = new Set(first ? data.tables : state.tables);
  const newTables = data.tables.filter((table) => !known.has(table));
  const differences = compareSchema(data.entities, data.described, newTables);
  const previous = currentDifferences(state);
  const events: SchemaDriftEvent[] = [];
  if (first)
    events.push({
      type: 'SchemaDriftBaselineRecorded',
      data: { integrationId, environment, version, tables: [...data.tables].sort(), recordedAt: at },
    });
  const changed = first || !sameDifferences(previous, differences);
  if (differences.length > 0 && changed) {
    const breaking = differences.filter((difference) => difference.breaking).length;
    const entities = [
      ...new Set(differences.flatMap(({ entity }) => (entity === undefined ? [] : [entity]))),
    ].sort();
    events.push({
      type: 'SchemaDriftDetected',
      data: {
        integrationId,
        environment,
        version,
        differences,
        breaking,
        nonBreaking: differences.length - breaking,
        entities,
        apiKeys: data.apiKeys,
        detectedAt: at,
      },
    });
  } else if (differences.length === 0 && previous.length > 0)
    events.push({
      type: 'SchemaDriftResolved',
      data: {
        integrationId,
        environment,
        version,
        wasBreaking: previous.some((difference) => difference.breaking),
        resolvedAt: at,
      },
    });
  return events;
};

const decide = (command: SchemaDriftCommand, state: SchemaDrift): SchemaDriftEvent[] => {
  switch (command.type) {
    case 'RecordDriftCheck':
      return recordCheck(command, state);
    default:
      // A single command so far: its type narrows, not the command.
      return assertNever(command.type);
  }
};

const evolve = (state: SchemaDrift, event: SchemaDriftEvent): SchemaDrift => {
  switch (event.type) {
    case 'SchemaDriftBaselineRecorded':
      // The drift recorded for the version before stands until a check of this one says otherwise.
      return {
        status: 'checked',
        version: event.data.version,
        tables: event.data.tables,
        differences: currentDifferences(state),
      };
    case 'SchemaDriftDetected':
      return {
        status: 'checked',
        version: event.data.version,
        tables: state.status === 'checked' ? state.tables : [],
        differences: event.data.differences,
      };
    case 'SchemaDriftResolved':
      return state.status === 'checked' ? { ...state, differences: [] } : state;
    default:
      return ignoreUnknownEvent(event, state);
  }
};

export const schemaDriftDecider: Decider<SchemaDrift, SchemaDriftCommand, SchemaDriftEvent> = {
  initialState,
  evolve,
  decide,
};

/** An environment's checks keep no state: each is a fact of its own. */
export const environmentDriftCheckDecider: Decider<
  null,
  EnvironmentDriftCheckCommand,
  EnvironmentDriftCheckEvent
> = {
  initialState: () => null,
  evolve: (state) => state,
  decide: ({ type, data, metadata }) => {
    switch (type) {
      case 'RecordEnvironmentDriftCheck':
        return [
          { type: 'EnvironmentDriftChecked', data: { ...data, checkedAt: metadata.now.toISOString() } },
        ];
      default:
        return assertNever(type);
    }
  },
};
