import { type Command } from '../shared/command';
import { type EnvironmentKind } from '../environment/environment.events';
import { type RuntimeDependency } from './publication.events';

/** The reason a process manager gives when it finds a publication stuck after a restart. */
export const PUBLICATION_INTERRUPTED = 'interrupted';

/**
 * The handler reads the integration first: `integrationVersion` is its stream version and
 * `version` its next published version number.
 */
export type RequestPublish = Command<
  'RequestPublish',
  {
    publicationId: string;
    integrationId: string;
    integrationVersion: number;
    version: number;
    environment: string;
    environmentKind: EnvironmentKind;
  }
>;

/** The steps below record work done outside the domain (live database, generator, registry). */
export type RecordSchemaValidated = Command<
  'RecordSchemaValidated',
  { publicationId: string; tables: readonly string[] }
>;

export type RecordPackageGenerated = Command<
  'RecordPackageGenerated',
  { publicationId: string; packageHash: string; generatorVersion: string }
>;

export type RecordDependenciesChecked = Command<
  'RecordDependenciesChecked',
  { publicationId: string; dependencies: readonly RuntimeDependency[] }
>;

export type CompletePublication = Command<'CompletePublication', { publicationId: string }>;

/**
 * Fails the step that is next; `PUBLICATION_INTERRUPTED` when a restart left it stuck. A step that
 * fails before the package step may still hand over the package of the draft (`packageHash`), so
 * the developer can download what would have been published.
 */
export type FailPublication = Command<
  'FailPublication',
  { publicationId: string; reason: string; packageHash?: string }
>;

export type PublicationCommand =
  | RequestPublish
  | RecordSchemaValidated
  | RecordPackageGenerated
  | RecordDependenciesChecked
  | CompletePublication
  | FailPublication;
