import { type Decider, assertNever } from '../shared/decider';
import { IllegalStateError } from '../shared/errors';
import { ignoreUnknownEvent } from '../shared/ignore-unknown-event';
import { fieldErrors, throwIfInvalid, trimmed } from '../shared/validation';
import {
  type IntegrationPublicationsCommand,
  type KnownPublication,
  type StartPublication,
} from './integration-publications.commands';
import { type IntegrationPublicationsEvent } from './integration-publications.events';

export type StartedPublication = Readonly<{
  publicationId: string;
  integrationVersion: number;
  version: number;
  startedBy: string;
  startedAt: string;
}>;

/** The publications started through this stream, in order. */
export type IntegrationPublications = Readonly<{ started: readonly StartedPublication[] }>;

/** `starting`: started here, but its own stream is not known (yet) to say how it goes. */
export type PublicationStatus = KnownPublication['status'] | 'starting';

/** A publication that answers a start in place of a new one. */
export type ExistingPublication = Readonly<{
  publicationId: string;
  integrationVersion: number;
  version: number;
  status: PublicationStatus;
}>;

const initialState = (): IntegrationPublications => ({ started: [] });

const isCount = (value: unknown, min: number): boolean =>
  Number.isSafeInteger(value) && (value as number) >= min;

/** Every publication of the integration: those started here, with their outcome if known, and older ones. */
const publicationsOf = (
  state: IntegrationPublications,
  known: readonly KnownPublication[],
): ExistingPublication[] => {
  const byId = new Map(known.map((publication) => [publication.publicationId, publication]));
  const started = state.started.map(({ publicationId, integrationVersion, version }) => ({
    publicationId,
    integrationVersion,
    version,
    status: byId.get(publicationId)?.status ?? ('starting' as const),
  }));
  const startedIds = new Set(started.map(({ publicationId }) => publicationId));
  return [...started, ...known.filter(({ publicationId }) => !startedIds.has(publicationId))];
};

const isActive = ({ status }: ExistingPublication) => status === 'running' || status === 'starting';

const latestPublished = (publications: readonly ExistingPublication[]) =>
  publications
    .filter(({ status }) => status === 'published')
    .reduce<ExistingPublication | undefined>(
      (latest, publication) =>
        latest === undefined || publication.version > latest.version ? publication : latest,
      undefined,
    );

/**
 * The publication that already answers the start, if any: the same one (a retried start), a running
 * one of the same draft it may join, or the latest published one when the draft has not changed since
 * (and no rebuild is asked for). Throws PUBLICATION.IN_PROGRESS while a publication of another draft
 * (or one a republish run may not join) runs: one publication of an integration runs at a time, so
 * version numbers are never given twice.
 */
export const existingPublication = (
  { data }: Pick<StartPublication, 'data'>,
  state: IntegrationPublications,
): ExistingPublication | undefined => {
  const publications = publicationsOf(state, data.known);
  const same = publications.find(({ publicationId }) => publicationId === data.publicationId);
  if (same) return same;
  const active = publications.find(isActive);
  if (active) {
    if (data.joinRunning && active.integrationVersion === data.integrationVersion) return active;
    throw new IllegalStateError(
      'PUBLICATION.IN_PROGRESS',
      `Publication ${active.publicationId} (version ${active.version}) of integration ${data.integrationId} is still running`,
    );
  }
  const latest = latestPublished(publications);
  if (!data.rebuild && latest?.integrationVersion === data.integrationVersion) return latest;
  return undefined;
};

const startPublication = (
  command: StartPublication,
  state: IntegrationPublications,
): IntegrationPublicationsEvent[] => {
  const { data, metadata } = command;
  throwIfInvalid(
    'PUBLICATION.INVALID',
    'The publication request is invalid',
    fieldErrors(
      ['integrationId', trimmed(data.integrationId) === '' ? 'is required' : undefined],
      ['publicationId', trimmed(data.publicationId) === '' ? 'is required' : undefined],
      ['integrationVersion', isCount(data.integrationVersion, 0) ? undefined : 'must be an integer >= 0'],
      ['environment', trimmed(data.environment) === '' ? 'is required' : undefined],
    ),
  );
  // Checked before anything is started: a started publication the publication stream then refused would block every later one.
  if (data.environmentKind !== 'development')
    throw new IllegalStateError(
      'PUBLICATION.DEVELOPMENT_ONLY',
      `Integrations are published in a development environment, not in ${data.environment}`,
    );
  if (existingPublication(command, state) !== undefined) return [];
  const version = (latestPublished(publicationsOf(state, data.known))?.version ?? 0) + 1;
  return [
    {
      type: 'PublicationStarted',
      data: {
        integrationId: data.integrationId,
        publicationId: data.publicationId,
        integrationVersion: data.integrationVersion,
        version,
        startedBy: metadata.actorId,
        startedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const decide = (
  command: IntegrationPublicationsCommand,
  state: IntegrationPublications,
): IntegrationPublicationsEvent[] => {
  switch (command.type) {
    case 'StartPublication':
      return startPublication(command, state);
    default:
      return assertNever(command.type);
  }
};

const evolve = (
  state: IntegrationPublications,
  event: IntegrationPublicationsEvent,
): IntegrationPublications => {
  switch (event.type) {
    case 'PublicationStarted': {
      const { publicationId, integrationVersion, version, startedBy, startedAt } = event.data;
      return {
        started: [...state.started, { publicationId, integrationVersion, version, startedBy, startedAt }],
      };
    }
    default:
      return ignoreUnknownEvent(event.type, state);
  }
};

export const integrationPublicationsDecider: Decider<
  IntegrationPublications,
  IntegrationPublicationsCommand,
  IntegrationPublicationsEvent
> = { initialState, evolve, decide };
