import {
  type AffectedApiKey,
  ENVIRONMENT_DRIFT_CHECK_EVENT_TYPES,
  type EnvironmentDriftCheckEvent,
  type RecordedEvent,
  SCHEMA_DRIFT_EVENT_TYPES,
  type SchemaDifference,
  type SchemaDriftEvent,
} from '@ib/domain';
import { isOneOf, type Projection, type RecordedOf } from '../../../infrastructure/read-model/projection';

/**
 * The drift of one integration in one environment as the last check that changed it left it: `ok`
 * once checked and in sync, `drift` with the differences found (breaking first to tell).
 */
export type SchemaDriftView = Readonly<{
  id: string;
  integrationId: string;
  environment: string;
  /** The deployed version the differences were found against. */
  version: number;
  status: 'ok' | 'drift';
  differences: readonly SchemaDifference[];
  breaking: number;
  nonBreaking: number;
  entities: readonly string[];
  apiKeys: readonly AffectedApiKey[];
  detectedAt?: string;
  resolvedAt?: string;
}>;

/** The last drift check of an environment and what it found. */
export type EnvironmentDriftCheckView = Readonly<{
  environment: string;
  checkedAt: string;
  integrations: number;
  breaking: number;
  nonBreaking: number;
  unreachable: number;
}>;

export const schemaDriftId = (integrationId: string, environment: string): string =>
  `${integrationId}/${environment}`;

const isSchemaDriftEvent = isOneOf<SchemaDriftEvent>(SCHEMA_DRIFT_EVENT_TYPES);

const evolve = (view: SchemaDriftView | undefined, recorded: RecordedEvent): SchemaDriftView | undefined => {
  if (!isSchemaDriftEvent(recorded)) return view;
  const { integrationId, environment, version } = recorded.data;
  switch (recorded.type) {
    case 'SchemaDriftBaselineRecorded':
      // The drift found against the version before stands until a check of this one says otherwise.
      return view === undefined
        ? {
            id: schemaDriftId(integrationId, environment),
            integrationId,
            environment,
            version,
            status: 'ok',
            differences: [],
            breaking: 0,
            nonBreaking: 0,
            entities: [],
            apiKeys: [],
          }
        : view;
    case 'SchemaDriftDetected': {
      const { differences, breaking, nonBreaking, entities, apiKeys, detectedAt } = recorded.data;
      return {
        id: schemaDriftId(integrationId, environment),
        integrationId,
        environment,
        version,
        status: 'drift',
        differences,
        breaking,
        nonBreaking,
        entities,
        apiKeys,
        detectedAt,
      };
    }
    case 'SchemaDriftResolved': {
      const { detectedAt } = view ?? {};
      return {
        id: schemaDriftId(integrationId, environment),
        integrationId,
        environment,
        version,
        status: 'ok',
        differences: [],
        breaking: 0,
        nonBreaking: 0,
        entities: [],
        apiKeys: [],
        ...(detectedAt === undefined ? {} : { detectedAt }),
        resolvedAt: recorded.data.resolvedAt,
      };
    }
    default:
      return view;
  }
};

export const schemaDriftProjection: Projection<SchemaDriftView> = {
  name: 'schema_drift',
  handles: SCHEMA_DRIFT_EVENT_TYPES,
  idOf: (event) => {
    const { integrationId, environment } = (event as RecordedOf<SchemaDriftEvent>).data;
    return schemaDriftId(integrationId, environment);
  },
  evolve,
};

const isEnvironmentDriftCheckEvent = isOneOf<EnvironmentDriftCheckEvent>(ENVIRONMENT_DRIFT_CHECK_EVENT_TYPES);

export const environmentDriftChecksProjection: Projection<EnvironmentDriftCheckView> = {
  name: 'environment_drift_checks',
  handles: ENVIRONMENT_DRIFT_CHECK_EVENT_TYPES,
  idOf: (event) => (event as RecordedOf<EnvironmentDriftCheckEvent>).data.environment,
  evolve: (view, recorded) => {
    if (!isEnvironmentDriftCheckEvent(recorded)) return view;
    const { environment, checkedAt, integrations, breaking, nonBreaking, unreachable } = recorded.data;
    return { environment, checkedAt, integrations, breaking, nonBreaking, unreachable };
  },
};
