import { type Command } from '../shared/command';
import { type EnvironmentKind } from '../environment/environment.events';

/** A publication of the integration as its own stream tells it (the handler reads them, e.g. from an index). */
export type KnownPublication = Readonly<{
  publicationId: string;
  integrationVersion: number;
  version: number;
  status: 'running' | 'published' | 'failed';
}>;

/**
 * Start a publication of the draft at stream version `integrationVersion`, unless one already answers
 * it. `known` carries what the publications' own streams say of their outcome, older publications
 * (started before this stream existed) included; a started one they do not know yet counts as running.
 */
export type StartPublication = Command<
  'StartPublication',
  {
    integrationId: string;
    publicationId: string;
    integrationVersion: number;
    environment: string;
    environmentKind: EnvironmentKind;
    /** Publish again even when the draft is the latest published one: a breaking dependency update needs a new build. */
    rebuild: boolean;
    /**
     * A running publication of the same draft answers the start (a second click). A republish run,
     * which waits for the publication whose id it recorded, joins none.
     */
    joinRunning: boolean;
    known: readonly KnownPublication[];
  }
>;

export type IntegrationPublicationsCommand = StartPublication;
