import { fold } from '../shared/decider';
import { DeciderSpecification, invalidFields } from '../shared/decider-specification';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import {
  type CompletePublication,
  type FailPublication,
  PUBLICATION_INTERRUPTED,
  type RecordDependenciesChecked,
  type RecordPackageGenerated,
  type RecordSchemaValidated,
  type RequestPublish,
} from './publication.commands';
import { nextStep, publicationDecider } from './publication.decider';
import { type PublicationEvent } from './publication.events';
import { publicationStreamId } from './publication.stream';

const publicationId = 'pub-1';
const integrationId = 'int-1';
const now = new Date('2025-03-04T05:06:07.000Z');
const at = now.toISOString();
const metadata = { actorId: 'dev', now };
const ref = { publicationId, integrationId };
const dependencies = [{ name: 'data-api-runtime', version: '1.2.0' }];

const requestPublish = (data: Partial<RequestPublish['data']> = {}): RequestPublish => ({
  type: 'RequestPublish',
  data: {
    publicationId,
    integrationId,
    integrationVersion: 7,
    version: 2,
    environment: 'dev',
    environmentKind: 'development',
    ...data,
  },
  metadata,
});
const recordSchemaValidated = (tables: readonly string[] = ['Album', 'Track']): RecordSchemaValidated => ({
  type: 'RecordSchemaValidated',
  data: { publicationId, tables },
  metadata,
});
const recordPackageGenerated = (
  data: Partial<RecordPackageGenerated['data']> = {},
): RecordPackageGenerated => ({
  type: 'RecordPackageGenerated',
  data: { publicationId, packageHash: 'sha256-abc', generatorVersion: '1.0.0', ...data },
  metadata,
});
const recordDependenciesChecked = (
  deps: RecordDependenciesChecked['data']['dependencies'] = dependencies,
): RecordDependenciesChecked => ({
  type: 'RecordDependenciesChecked',
  data: { publicationId, dependencies: deps },
  metadata,
});
const completePublication: CompletePublication = {
  type: 'CompletePublication',
  data: { publicationId },
  metadata,
};
const failPublication = (reason: string): FailPublication => ({
  type: 'FailPublication',
  data: { publicationId, reason },
  metadata,
});

const requested: PublicationEvent = {
  type: 'IntegrationPublishRequested',
  data: {
    ...ref,
    integrationVersion: 7,
    version: 2,
    environment: 'dev',
    requestedBy: 'dev',
    requestedAt: at,
  },
};
const schemaValidated: PublicationEvent = {
  type: 'SchemaValidated',
  data: { ...ref, tables: ['Album', 'Track'], validatedAt: at },
};
const packageGenerated: PublicationEvent = {
  type: 'PackageGenerated',
  data: { ...ref, packageHash: 'sha256-abc', generatorVersion: '1.0.0', generatedAt: at },
};
const dependenciesChecked: PublicationEvent = {
  type: 'DependenciesChecked',
  data: { ...ref, dependencies, checkedAt: at },
};
const published: PublicationEvent = {
  type: 'IntegrationPublished',
  data: {
    ...ref,
    integrationVersion: 7,
    version: 2,
    environment: 'dev',
    packageHash: 'sha256-abc',
    publishedAt: at,
  },
};
const failed = (
  data: Partial<Extract<PublicationEvent, { type: 'IntegrationPublishFailed' }>['data']> = {},
): PublicationEvent => ({
  type: 'IntegrationPublishFailed',
  data: {
    ...ref,
    version: 2,
    reason: 'Table Album vanished',
    failedStep: 'validateSchema',
    failedAt: at,
    ...data,
  },
});

const allSteps = [requested, schemaValidated, packageGenerated, dependenciesChecked];
const given = DeciderSpecification.for(publicationDecider);

describe('Publication decider', () => {
  describe('RequestPublish', () => {
    it('requests a publication of the next version', () =>
      given([]).when(requestPublish()).then([requested]));

    it('refuses to request the same publication twice', () =>
      given([requested]).when(requestPublish()).thenThrows(IllegalStateError, 'PUBLICATION.ALREADY_EXISTS'));

    it('publishes only in a development environment', () =>
      given([])
        .when(requestPublish({ environment: 'qa', environmentKind: 'qa' }))
        .thenThrows(IllegalStateError, 'PUBLICATION.DEVELOPMENT_ONLY'));

    it('names every invalid field', () =>
      given([])
        .when(requestPublish({ integrationId: ' ', integrationVersion: -1, version: 0, environment: '' }))
        .thenThrows(
          ValidationError,
          'PUBLICATION.INVALID',
          invalidFields('integrationId', 'integrationVersion', 'version', 'environment'),
        ));

    it('refuses a version that is not a whole number', () =>
      given([])
        .when(requestPublish({ version: 1.5 }))
        .thenThrows(ValidationError, 'PUBLICATION.INVALID', invalidFields('version')));
  });

  describe('steps in order', () => {
    it('records the validated schema', () =>
      given([requested]).when(recordSchemaValidated()).then([schemaValidated]));

    it('records the generated package', () =>
      given([requested, schemaValidated]).when(recordPackageGenerated()).then([packageGenerated]));

    it('records the checked dependencies', () =>
      given([requested, schemaValidated, packageGenerated])
        .when(recordDependenciesChecked())
        .then([dependenciesChecked]));

    it('publishes version N with its package once every step is done', () =>
      given(allSteps).when(completePublication).then([published]));

    it('refuses a step of a publication never requested', () =>
      given([]).when(recordSchemaValidated()).thenThrows(NotFoundError, 'PUBLICATION.NOT_FOUND'));

    it('refuses a step taken before the one expected', () =>
      given([requested])
        .when(recordPackageGenerated())
        .thenThrows(IllegalStateError, 'PUBLICATION.STEP_OUT_OF_ORDER'));

    it('refuses publishing before the dependencies are checked', () =>
      given([requested, schemaValidated, packageGenerated])
        .when(completePublication)
        .thenThrows(IllegalStateError, 'PUBLICATION.STEP_OUT_OF_ORDER'));

    it('refuses a step recorded twice', () =>
      given([requested, schemaValidated])
        .when(recordSchemaValidated())
        .thenThrows(IllegalStateError, 'PUBLICATION.STEP_OUT_OF_ORDER'));

    it.each([
      ['published', [...allSteps, published]],
      ['failed', [requested, failed()]],
    ])('takes no more steps once %s', (_status, events) => {
      given(events).when(recordSchemaValidated()).thenThrows(IllegalStateError, 'PUBLICATION.FINISHED');
      given(events).when(completePublication).thenThrows(IllegalStateError, 'PUBLICATION.FINISHED');
      given(events).when(failPublication('late')).thenThrows(IllegalStateError, 'PUBLICATION.FINISHED');
    });

    it('refuses a table name that is blank', () =>
      given([requested])
        .when(recordSchemaValidated(['Album', ' ']))
        .thenThrows(ValidationError, 'PUBLICATION.INVALID', invalidFields('tables')));

    it('refuses a package without hash or generator version', () =>
      given([requested, schemaValidated])
        .when(recordPackageGenerated({ packageHash: '', generatorVersion: '' }))
        .thenThrows(
          ValidationError,
          'PUBLICATION.INVALID',
          invalidFields('packageHash', 'generatorVersion'),
        ));

    it('refuses a dependency without a version', () =>
      given([requested, schemaValidated, packageGenerated])
        .when(recordDependenciesChecked([{ name: 'data-api-runtime', version: '' }]))
        .thenThrows(ValidationError, 'PUBLICATION.INVALID', invalidFields('dependencies')));
  });

  describe('FailPublication', () => {
    it('fails the step that was next', () =>
      given([requested]).when(failPublication(' Table Album vanished ')).then([failed()]));

    it('keeps the package of a publication failed after it was generated', () =>
      given([requested, schemaValidated, packageGenerated])
        .when(failPublication('Dependency registry unreachable'))
        .then([
          failed({
            reason: 'Dependency registry unreachable',
            failedStep: 'checkDependencies',
            packageHash: 'sha256-abc',
          }),
        ]));

    it('keeps the package of the draft handed over with a schema failure', () =>
      given([requested])
        .when({
          ...failPublication('Table Album vanished'),
          data: { publicationId, reason: 'Table Album vanished', packageHash: 'sha256-draft' },
        })
        .then([failed({ packageHash: 'sha256-draft' })]));
    it('keeps the package of the package step over one handed over with the failure', () =>
      given([requested, schemaValidated, packageGenerated])
        .when({ ...failPublication('x'), data: { publicationId, reason: 'x', packageHash: 'sha256-other' } })
        .then([failed({ reason: 'x', failedStep: 'checkDependencies', packageHash: 'sha256-abc' })]));
    it('refuses a blank package hash handed over with a failure', () =>
      given([requested])
        .when({ ...failPublication('x'), data: { publicationId, reason: 'x', packageHash: ' ' } })
        .thenThrows(ValidationError, 'PUBLICATION.INVALID', invalidFields('packageHash')));
    it('fails a publication a restart left stuck in a step', () =>
      given(allSteps)
        .when(failPublication(PUBLICATION_INTERRUPTED))
        .then([failed({ reason: 'interrupted', failedStep: 'publish', packageHash: 'sha256-abc' })]));

    it('refuses to fail a publication never requested', () =>
      given([]).when(failPublication('x')).thenThrows(NotFoundError, 'PUBLICATION.NOT_FOUND'));

    it.each([
      ['an empty', ''],
      ['a blank', '   '],
      ['a too long', 'x'.repeat(2001)],
    ])('refuses %s reason', (_label, reason) =>
      given([requested])
        .when(failPublication(reason))
        .thenThrows(ValidationError, 'PUBLICATION.INVALID', invalidFields('reason')),
    );
  });

  describe('state', () => {
    const state = (events: readonly PublicationEvent[]) => fold(publicationDecider, events);

    it.each([
      [[requested], 'validateSchema'],
      [[requested, schemaValidated], 'generatePackage'],
      [[requested, schemaValidated, packageGenerated], 'checkDependencies'],
      [allSteps, 'publish'],
    ] as const)('tells a resuming process manager the next step (%#)', (events, step) =>
      expect(nextStep(state(events))).toBe(step),
    );

    it.each([
      ['none', []],
      ['published', [...allSteps, published]],
      ['failed', [requested, failed()]],
    ])('has no next step when %s', (_status, events) => expect(nextStep(state(events))).toBeUndefined());

    it('keeps the package hash downloadable after a failure', () =>
      expect(
        state([requested, schemaValidated, packageGenerated, failed({ packageHash: 'sha256-abc' })]),
      ).toEqual(
        expect.objectContaining({
          status: 'failed',
          packageHash: 'sha256-abc',
          failedStep: 'validateSchema',
        }),
      ));

    it('keeps the draft package handed over with a failure before the package step', () =>
      expect(state([requested, failed({ packageHash: 'sha256-draft' })])).toEqual(
        expect.objectContaining({ status: 'failed', packageHash: 'sha256-draft' }),
      ));
    it('ignores steps of a publication never requested', () =>
      expect(state([schemaValidated, published])).toEqual({ status: 'none' }));

    it('ignores an event type unknown to this version', () =>
      expect(state([requested, { type: 'SomethingNew', data: {} } as never])).toEqual(state([requested])));
  });

  it('names the stream after the publication', () =>
    expect(publicationStreamId('pub-1')).toBe('publication-pub-1'));
});
