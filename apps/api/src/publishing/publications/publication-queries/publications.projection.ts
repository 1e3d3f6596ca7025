import {
  assertNever,
  PUBLICATION_EVENT_TYPES,
  PUBLICATION_STEPS,
  type PublicationEvent,
  type PublicationStep,
  type RecordedEvent,
  type RuntimeDependency,
} from '@ib/domain';
import {
  isOneOf,
  type Projection,
  type RecordedOf,
  withoutUndefined,
} from '../../../infrastructure/read-model/projection';

export type PublicationStepView = Readonly<{
  step: PublicationStep;
  status: 'pending' | 'done' | 'failed';
  at?: string;
}>;

export type PublicationView = Readonly<{
  id: string;
  integrationId: string;
  /** The integration stream version that was published. */
  integrationVersion: number;
  /** The integration's published version number this publication gives (or would have given). */
  version: number;
  environment: string;
  status: 'running' | 'published' | 'failed';
  /** Always the four steps in their order, so a client can draw the progress without knowing them. */
  steps: readonly PublicationStepView[];
  reason?: string;
  failedStep?: PublicationStep;
  packageHash?: string;
  generatorVersion?: string;
  dependencies?: readonly RuntimeDependency[];
  requestedBy: string;
  requestedAt: string;
  finishedAt?: string;
}>;

const isPublicationEvent = isOneOf<PublicationEvent>(PUBLICATION_EVENT_TYPES);

const withStep = (
  view: PublicationView,
  step: PublicationStep,
  status: PublicationStepView['status'],
  at: string,
): readonly PublicationStepView[] =>
  view.steps.map((current) => (current.step === step ? { step, status, at } : current));

const evolve = (view: PublicationView | undefined, recorded: RecordedEvent): PublicationView | undefined => {
  if (!isPublicationEvent(recorded)) return view;
  if (recorded.type === 'IntegrationPublishRequested') {
    const { publicationId, integrationId, integrationVersion, version, environment } = recorded.data;
    return {
      id: publicationId,
      integrationId,
      integrationVersion,
      version,
      environment,
      status: 'running',
      steps: PUBLICATION_STEPS.map((step) => ({ step, status: 'pending' })),
      requestedBy: recorded.data.requestedBy,
      requestedAt: recorded.data.requestedAt,
    };
  }
  // A step of a publication never seen requested cannot come from the aggregate: nothing to show.
  if (view === undefined) return undefined;
  switch (recorded.type) {
    case 'SchemaValidated':
      return { ...view, steps: withStep(view, 'validateSchema', 'done', recorded.data.validatedAt) };
    case 'PackageGenerated': {
      const { packageHash, generatorVersion, generatedAt } = recorded.data;
      return {
        ...view,
        packageHash,
        generatorVersion,
        steps: withStep(view, 'generatePackage', 'done', generatedAt),
      };
    }
    case 'DependenciesChecked': {
      const { dependencies, checkedAt } = recorded.data;
      return { ...view, dependencies, steps: withStep(view, 'checkDependencies', 'done', checkedAt) };
    }
    case 'IntegrationPublished': {
      const { packageHash, publishedAt } = recorded.data;
      return {
        ...view,
        status: 'published',
        packageHash,
        steps: withStep(view, 'publish', 'done', publishedAt),
        finishedAt: publishedAt,
      };
    }
    case 'IntegrationPublishFailed': {
      const { reason, failedStep, packageHash, failedAt } = recorded.data;
      return withoutUndefined<PublicationView>({
        ...view,
        status: 'failed',
        reason,
        failedStep,
        // A package generated before the failure stays downloadable, so its hash stays shown.
        packageHash: packageHash ?? view.packageHash,
        steps: withStep(view, failedStep, 'failed', failedAt),
        finishedAt: failedAt,
      });
    }
    default:
      return assertNever(recorded);
  }
};

export const publicationsProjection: Projection<PublicationView> = {
  name: 'publications',
  handles: PUBLICATION_EVENT_TYPES,
  idOf: (event) => (event as RecordedOf<PublicationEvent>).data.publicationId,
  evolve,
};
