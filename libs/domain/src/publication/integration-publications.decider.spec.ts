import { DeciderSpecification, invalidFields } from '../shared/decider-specification';
import { IllegalStateError, ValidationError } from '../shared/errors';
import { type KnownPublication, type StartPublication } from './integration-publications.commands';
import { existingPublication, integrationPublicationsDecider } from './integration-publications.decider';
import { type PublicationStarted } from './integration-publications.events';
import { integrationPublicationsStreamId } from './integration-publications.stream';

const integrationId = 'int-1';
const now = new Date('2025-03-04T05:06:07.000Z');
const given = DeciderSpecification.for(integrationPublicationsDecider);

const started = (publicationId: string, integrationVersion: number, version: number): PublicationStarted => ({
  type: 'PublicationStarted',
  data: {
    integrationId,
    publicationId,
    integrationVersion,
    version,
    startedBy: 'dev',
    startedAt: now.toISOString(),
  },
});
const known = (
  publicationId: string,
  integrationVersion: number,
  version: number,
  status: KnownPublication['status'],
): KnownPublication => ({ publicationId, integrationVersion, version, status });

const start = (data: Partial<StartPublication['data']> = {}): StartPublication => ({
  type: 'StartPublication',
  data: {
    integrationId,
    publicationId: 'pub-new',
    integrationVersion: 7,
    environment: 'development',
    environmentKind: 'development',
    rebuild: false,
    joinRunning: true,
    known: [],
    ...data,
  },
  metadata: { actorId: 'dev', now },
});
const startedAs = (integrationVersion: number, version: number) => [
  started('pub-new', integrationVersion, version),
];

describe('the publications of one integration', () => {
  it('keeps one stream per integration', () => {
    expect(integrationPublicationsStreamId(integrationId)).toBe('integration-publications-int-1');
  });

  describe('starting a publication of a draft', () => {
    it('starts version 1 of a never published integration', () =>
      given([]).when(start()).then(startedAs(7, 1)));

    it('starts the version after the latest published one, older publications included', () =>
      given([started('pub-2', 5, 2)])
        .when(start({ known: [known('pub-1', 3, 1, 'published'), known('pub-2', 5, 2, 'published')] }))
        .then(startedAs(7, 3)));

    it('gives the number of a failed publication again: only published versions count', () =>
      given([started('pub-2', 5, 2)])
        .when(start({ known: [known('pub-1', 3, 1, 'published'), known('pub-2', 5, 2, 'failed')] }))
        .then(startedAs(7, 2)));

    it('starts a draft changed since the latest published version', () =>
      given([started('pub-1', 5, 1)])
        .when(start({ integrationVersion: 6, known: [known('pub-1', 5, 1, 'published')] }))
        .then(startedAs(6, 2)));

    it('starts the same draft again after its publication failed', () =>
      given([started('pub-1', 7, 1)])
        .when(start({ known: [known('pub-1', 7, 1, 'failed')] }))
        .then(startedAs(7, 1)));
  });

  describe('never two versions of one draft', () => {
    it('answers a second click with the running publication of the same draft', () => {
      const state = [started('pub-1', 7, 1)];
      given(state)
        .when(start({ known: [known('pub-1', 7, 1, 'running')] }))
        .thenNothingHappens();
      expect(
        existingPublication(start({ known: [known('pub-1', 7, 1, 'running')] }), {
          started: [{ ...started('pub-1', 7, 1).data }],
        }),
      ).toEqual({ publicationId: 'pub-1', integrationVersion: 7, version: 1, status: 'running' });
    });

    it('answers with a publication started a moment ago whose own stream is not known yet', () => {
      given([started('pub-1', 7, 1)])
        .when(start())
        .thenNothingHappens();
      expect(existingPublication(start(), { started: [started('pub-1', 7, 1).data] })).toMatchObject({
        publicationId: 'pub-1',
        status: 'starting',
      });
    });

    it('answers an unchanged draft with its latest published version', () => {
      const knownNow = [known('pub-1', 3, 1, 'published'), known('pub-2', 7, 2, 'published')];
      given([started('pub-2', 7, 2)])
        .when(start({ known: knownNow }))
        .thenNothingHappens();
      expect(existingPublication(start({ known: knownNow }), { started: [] })).toMatchObject({
        publicationId: 'pub-2',
        version: 2,
        status: 'published',
      });
    });

    it('answers an unchanged draft published before this stream existed', () =>
      given([])
        .when(start({ known: [known('pub-1', 7, 1, 'published')] }))
        .thenNothingHappens());

    it('answers a retried start with the publication it started', () =>
      given([started('pub-new', 7, 1)])
        .when(start({ integrationVersion: 8, known: [known('pub-new', 7, 1, 'running')] }))
        .thenNothingHappens());

    it('refuses another draft while a publication runs, naming it', () =>
      given([started('pub-1', 6, 1)])
        .when(start({ known: [known('pub-1', 6, 1, 'running')] }))
        .thenThrows(IllegalStateError, 'PUBLICATION.IN_PROGRESS', (error) =>
          expect(error.message).toContain('pub-1'),
        ));

    it('refuses another draft while a publication started a moment ago runs', () =>
      given([started('pub-1', 6, 1)])
        .when(start())
        .thenThrows(IllegalStateError, 'PUBLICATION.IN_PROGRESS'));

    it('refuses another draft while an older publication still runs', () =>
      given([])
        .when(start({ known: [known('pub-1', 6, 1, 'running')] }))
        .thenThrows(IllegalStateError, 'PUBLICATION.IN_PROGRESS'));
  });

  describe('rebuilding (a breaking dependency update) and republish runs', () => {
    it('starts a new version of an unchanged draft when a rebuild is asked for', () =>
      given([started('pub-1', 7, 1)])
        .when(start({ rebuild: true, known: [known('pub-1', 7, 1, 'published')] }))
        .then(startedAs(7, 2)));

    it('answers a rebuild with the running rebuild of the same draft', () =>
      given([started('pub-1', 7, 1), started('pub-2', 7, 2)])
        .when(
          start({
            rebuild: true,
            known: [known('pub-1', 7, 1, 'published'), known('pub-2', 7, 2, 'running')],
          }),
        )
        .thenNothingHappens());

    it('lets a republish run join no publication but its own', () =>
      given([started('pub-1', 7, 1)])
        .when(start({ rebuild: true, joinRunning: false, known: [known('pub-1', 7, 1, 'running')] }))
        .thenThrows(IllegalStateError, 'PUBLICATION.IN_PROGRESS'));

    it('answers a republish run restarted after its publication was started', () =>
      given([started('pub-1', 7, 1), started('pub-new', 7, 2)])
        .when(start({ rebuild: true, joinRunning: false, known: [known('pub-1', 7, 1, 'published')] }))
        .thenNothingHappens());
  });

  describe('refusing what cannot be started', () => {
    it('publishes in a development environment only', () =>
      given([])
        .when(start({ environment: 'qa', environmentKind: 'qa' }))
        .thenThrows(IllegalStateError, 'PUBLICATION.DEVELOPMENT_ONLY'));

    it('names every invalid field', () =>
      given([])
        .when(start({ integrationId: ' ', publicationId: '', integrationVersion: -1, environment: '' }))
        .thenThrows(
          ValidationError,
          'PUBLICATION.INVALID',
          invalidFields('integrationId', 'publicationId', 'integrationVersion', 'environment'),
        ));
  });

  it('ignores an event type it does not know', () => {
    const state = { started: [] };
    expect(integrationPublicationsDecider.evolve(state, { type: 'Unknown', data: {} } as never)).toBe(state);
  });
});
