import { type Decider, assertNever } from '../shared/decider';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { ignoreUnknownEvent } from '../shared/ignore-unknown-event';
import { fieldErrors, throwIfInvalid, trimmed } from '../shared/validation';
import {
  type CompletePublication,
  type FailPublication,
  type PublicationCommand,
  type RecordDependenciesChecked,
  type RecordPackageGenerated,
  type RecordSchemaValidated,
  type RequestPublish,
} from './publication.commands';
import { type PublicationEvent, type PublicationStep, type RuntimeDependency } from './publication.events';

const MAX_REASON = 2000;

type PublicationData = Readonly<{
  publicationId: string;
  integrationId: string;
  integrationVersion: number;
  version: number;
  environment: string;
  requestedBy: string;
  requestedAt: string;
  tables?: readonly string[];
  packageHash?: string;
  generatorVersion?: string;
  dependencies?: readonly RuntimeDependency[];
}>;

/** Running: `nextStep` is the step the process manager performs (or resumes) now. */
export type RunningPublication = Readonly<{ status: 'running'; nextStep: PublicationStep }> & PublicationData;
export type PublishedPublication = Readonly<{ status: 'published'; publishedAt: string }> & PublicationData;
export type FailedPublication = Readonly<{
  status: 'failed';
  reason: string;
  failedStep: PublicationStep;
  failedAt: string;
}> &
  PublicationData;
export type Publication =
  Readonly<{ status: 'none' }> | RunningPublication | PublishedPublication | FailedPublication;

/** The step a process manager resuming after a restart performs next; none once finished. */
export const nextStep = (state: Publication): PublicationStep | undefined =>
  state.status === 'running' ? state.nextStep : undefined;

const initialState = (): Publication => ({ status: 'none' });

const running = (state: Publication, publicationId: string, step: PublicationStep): RunningPublication => {
  if (state.status === 'none')
    throw new NotFoundError('PUBLICATION.NOT_FOUND', `Publication ${publicationId} does not exist`);
  if (state.status !== 'running')
    throw new IllegalStateError('PUBLICATION.FINISHED', `Publication ${publicationId} is ${state.status}`);
  if (state.nextStep !== step)
    throw new IllegalStateError(
      'PUBLICATION.STEP_OUT_OF_ORDER',
      `Publication ${publicationId} expects ${state.nextStep}, not ${step}`,
    );
  return state;
};

const isCount = (value: unknown, min: number): boolean =>
  Number.isSafeInteger(value) && (value as number) >= min;

const requestPublish = ({ data, metadata }: RequestPublish, state: Publication): PublicationEvent[] => {
  if (state.status !== 'none')
    throw new IllegalStateError(
      'PUBLICATION.ALREADY_EXISTS',
      `Publication ${data.publicationId} already exists`,
    );
  throwIfInvalid(
    'PUBLICATION.INVALID',
    'The publication request is invalid',
    fieldErrors(
      ['integrationId', trimmed(data.integrationId) === '' ? 'is required' : undefined],
      ['integrationVersion', isCount(data.integrationVersion, 0) ? undefined : 'must be an integer >= 0'],
      ['version', isCount(data.version, 1) ? undefined : 'must be an integer >= 1'],
      ['environment', trimmed(data.environment) === '' ? 'is required' : undefined],
    ),
  );
  if (data.environmentKind !== 'development')
    throw new IllegalStateError(
      'PUBLICATION.DEVELOPMENT_ONLY',
      `Integrations are published in a development environment, not in ${data.environment}`,
    );
  return [
    {
      type: 'IntegrationPublishRequested',
      data: {
        publicationId: data.publicationId,
        integrationId: data.integrationId,
        integrationVersion: data.integrationVersion,
        version: data.version,
        environment: data.environment,
        requestedBy: metadata.actorId,
        requestedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const recordSchemaValidated = (
  { data, metadata }: RecordSchemaValidated,
  state: Publication,
): PublicationEvent[] => {
  const publication = running(state, data.publicationId, 'validateSchema');
  throwIfInvalid(
    'PUBLICATION.INVALID',
    'The schema validation is invalid',
    fieldErrors([
      'tables',
      Array.isArray(data.tables) && data.tables.every((table) => trimmed(table) !== '')
        ? undefined
        : 'must be a list of table names',
    ]),
  );
  return [
    {
      type: 'SchemaValidated',
      data: {
        publicationId: data.publicationId,
        integrationId: publication.integrationId,
        tables: data.tables,
        validatedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const recordPackageGenerated = (
  { data, metadata }: RecordPackageGenerated,
  state: Publication,
): PublicationEvent[] => {
  const publication = running(state, data.publicationId, 'generatePackage');
  throwIfInvalid(
    'PUBLICATION.INVALID',
    'The generated package is invalid',
    fieldErrors(
      ['packageHash', trimmed(data.packageHash) === '' ? 'is required' : undefined],
      ['generatorVersion', trimmed(data.generatorVersion) === '' ? 'is required' : undefined],
    ),
  );
  return [
    {
      type: 'PackageGenerated',
      data: {
        publicationId: data.publicationId,
        integrationId: publication.integrationId,
        packageHash: data.packageHash,
        generatorVersion: data.generatorVersion,
        generatedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const recordDependenciesChecked = (
  { data, metadata }: RecordDependenciesChecked,
  state: Publication,
): PublicationEvent[] => {
  const publication = running(state, data.publicationId, 'checkDependencies');
  throwIfInvalid(
    'PUBLICATION.INVALID',
    'The dependency check is invalid',
    fieldErrors([
      'dependencies',
      Array.isArray(data.dependencies) &&
      data.dependencies.every(({ name, version }) => trimmed(name) !== '' && trimmed(version) !== '')
        ? undefined
        : 'must be a list of { name, version }',
    ]),
  );
  return [
    {
      type: 'DependenciesChecked',
      data: {
        publicationId: data.publicationId,
        integrationId: publication.integrationId,
        dependencies: data.dependencies,
        checkedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const completePublication = (
  { data, metadata }: CompletePublication,
  state: Publication,
): PublicationEvent[] => {
  const publication = running(state, data.publicationId, 'publish');
  return [
    {
      type: 'IntegrationPublished',
      data: {
        publicationId: data.publicationId,
        integrationId: publication.integrationId,
        integrationVersion: publication.integrationVersion,
        version: publication.version,
        environment: publication.environment,
        // The step order guarantees a package before the last step.
        packageHash: publication.packageHash ?? '',
        publishedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const failPublication = ({ data, metadata }: FailPublication, state: Publication): PublicationEvent[] => {
  if (state.status === 'none')
    throw new NotFoundError('PUBLICATION.NOT_FOUND', `Publication ${data.publicationId} does not exist`);
  if (state.status !== 'running')
    throw new IllegalStateError(
      'PUBLICATION.FINISHED',
      `Publication ${data.publicationId} is ${state.status}`,
    );
  const reason = trimmed(data.reason);
  throwIfInvalid(
    'PUBLICATION.INVALID',
    'The failure is invalid',
    fieldErrors(
      [
        'reason',
        reason === ''
          ? 'is required'
          : reason.length > MAX_REASON
            ? `must be at most ${MAX_REASON} characters`
            : undefined,
      ],
      [
        'packageHash',
        data.packageHash !== undefined && trimmed(data.packageHash) === '' ? 'must not be blank' : undefined,
      ],
    ),
  );
  // The package recorded by the package step wins over one handed over with the failure.
  const packageHash = state.packageHash ?? data.packageHash;
  return [
    {
      type: 'IntegrationPublishFailed',
      data: {
        publicationId: data.publicationId,
        integrationId: state.integrationId,
        version: state.version,
        reason,
        failedStep: state.nextStep,
        ...(packageHash === undefined ? {} : { packageHash }),
        failedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const decide = (command: PublicationCommand, state: Publication): PublicationEvent[] => {
  switch (command.type) {
    case 'RequestPublish':
      return requestPublish(command, state);
    case 'RecordSchemaValidated':
      return recordSchemaValidated(command, state);
    case 'RecordPackageGenerated':
      return recordPackageGenerated(command, state);
    case 'RecordDependenciesChecked':
      return recordDependenciesChecked(command, state);
    case 'CompletePublication':
      return completePublication(command, state);
    case 'FailPublication':
      return failPublication(command, state);
    default:
      return assertNever(command);
  }
};

const evolve = (state: Publication, event: PublicationEvent): Publication => {
  if (event.type === 'IntegrationPublishRequested')
    return { status: 'running', nextStep: 'validateSchema', ...event.data };
  // Steps of a publication never requested, or already finished, change nothing; evolve must not throw.
  if (state.status !== 'running') return state;
  switch (event.type) {
    case 'SchemaValidated':
      return { ...state, nextStep: 'generatePackage', tables: event.data.tables };
    case 'PackageGenerated':
      return {
        ...state,
        nextStep: 'checkDependencies',
        packageHash: event.data.packageHash,
        generatorVersion: event.data.generatorVersion,
      };
    case 'DependenciesChecked':
      return { ...state, nextStep: 'publish', dependencies: event.data.dependencies };
    case 'IntegrationPublished': {
      const { nextStep: _step, ...data } = state;
      return { ...data, status: 'published', publishedAt: event.data.publishedAt };
    }
    case 'IntegrationPublishFailed': {
      const { nextStep: _step, ...data } = state;
      const packageHash = state.packageHash ?? event.data.packageHash;
      return {
        ...data,
        ...(packageHash === undefined ? {} : { packageHash }),
        status: 'failed',
        reason: event.data.reason,
        failedStep: event.data.failedStep,
        failedAt: event.data.failedAt,
      };
    }
    default:
      return ignoreUnknownEvent(event, state);
  }
};

export const publicationDecider: Decider<Publication, PublicationCommand, PublicationEvent> = {
  initialState,
  evolve,
  decide,
};
