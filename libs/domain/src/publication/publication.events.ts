import { type Event } from '../shared/event';

/** The steps of a publication, in the order they must happen. */
export const PUBLICATION_STEPS = [
  'validateSchema',
  'generatePackage',
  'checkDependencies',
  'publish',
] as const;
export type PublicationStep = (typeof PUBLICATION_STEPS)[number];

/** A runtime component a published version needs. */
export type RuntimeDependency = Readonly<{ name: string; version: string }>;

type PublicationRef = { publicationId: string; integrationId: string };

export type IntegrationPublishRequested = Event<
  'IntegrationPublishRequested',
  PublicationRef & {
    /** The integration stream version whose state is published. */
    integrationVersion: number;
    /** The integration's next published version number. */
    version: number;
    environment: string;
    requestedBy: string;
    requestedAt: string;
  }
>;

export type SchemaValidated = Event<
  'SchemaValidated',
  PublicationRef & { tables: readonly string[]; validatedAt: string }
>;

export type PackageGenerated = Event<
  'PackageGenerated',
  PublicationRef & { packageHash: string; generatorVersion: string; generatedAt: string }
>;

export type DependenciesChecked = Event<
  'DependenciesChecked',
  PublicationRef & { dependencies: readonly RuntimeDependency[]; checkedAt: string }
>;

export type IntegrationPublished = Event<
  'IntegrationPublished',
  PublicationRef & {
    integrationVersion: number;
    version: number;
    environment: string;
    packageHash: string;
    publishedAt: string;
  }
>;

export type IntegrationPublishFailed = Event<
  'IntegrationPublishFailed',
  PublicationRef & {
    version: number;
    reason: string;
    failedStep: PublicationStep;
    /** Present when the package was generated before the failure: it stays downloadable. */
    packageHash?: string;
    failedAt: string;
  }
>;

export type PublicationEvent =
  | IntegrationPublishRequested
  | SchemaValidated
  | PackageGenerated
  | DependenciesChecked
  | IntegrationPublished
  | IntegrationPublishFailed;

export const PUBLICATION_EVENT_TYPES: readonly PublicationEvent['type'][] = [
  'IntegrationPublishRequested',
  'SchemaValidated',
  'PackageGenerated',
  'DependenciesChecked',
  'IntegrationPublished',
  'IntegrationPublishFailed',
];
