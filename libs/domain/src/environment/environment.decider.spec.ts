import { DeciderSpecification, invalidFields } from '../shared/decider-specification';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import { type ChangeEnvironmentPolicy, type CreateEnvironment } from './environment.commands';
import { environmentDecider } from './environment.decider';
import { type EnvironmentEvent } from './environment.events';
import { environmentStreamId } from './environment.stream';

const now = new Date('2025-03-04T05:06:07.000Z');
const at = now.toISOString();

const createEnvironment = (data: Partial<CreateEnvironment['data']> = {}): CreateEnvironment => ({
  type: 'CreateEnvironment',
  data: { name: 'dev', kind: 'development', address: 'https://dev.example.com', ...data },
  metadata: { actorId: 'admin', now },
});
const created: EnvironmentEvent = {
  type: 'EnvironmentCreated',
  data: {
    name: 'dev',
    kind: 'development',
    address: 'https://dev.example.com',
    createdBy: 'admin',
    createdAt: at,
  },
};

const given = DeciderSpecification.for(environmentDecider);

describe('Environment decider', () => {
  it('creates an environment', () => given([]).when(createEnvironment()).then([created]));

  it('refuses to create the same environment twice', () =>
    given([created]).when(createEnvironment()).thenThrows(IllegalStateError, 'ENVIRONMENT.ALREADY_EXISTS'));

  it.each(['a', 'qa-2', `p${'x'.repeat(39)}`])('accepts the name %p', (name) =>
    given([])
      .when(createEnvironment({ name }))
      .then([{ ...created, data: { ...created.data, name } }]),
  );

  it.each(['', 'Dev', '2qa', 'q_a', '-dev', `p${'x'.repeat(40)}`])('refuses the name %p', (name) =>
    given([])
      .when(createEnvironment({ name }))
      .thenThrows(ValidationError, 'ENVIRONMENT.INVALID', invalidFields('name')),
  );

  it('refuses an unknown kind', () =>
    given([])
      .when(createEnvironment({ kind: 'staging' as never }))
      .thenThrows(ValidationError, 'ENVIRONMENT.INVALID', invalidFields('kind')));

  describe('ChangeEnvironmentPolicy', () => {
    const production: EnvironmentEvent = {
      type: 'EnvironmentCreated',
      data: { name: 'prod', kind: 'production', createdBy: 'admin', createdAt: at },
    };
    const qa: EnvironmentEvent = {
      type: 'EnvironmentCreated',
      data: { name: 'qa', kind: 'qa', createdBy: 'admin', createdAt: at },
    };
    const changePolicy = (
      name: string,
      fourEyes: boolean,
      changeRequestId?: string,
    ): ChangeEnvironmentPolicy => ({
      type: 'ChangeEnvironmentPolicy',
      data: { name, fourEyes, ...(changeRequestId === undefined ? {} : { changeRequestId }) },
      metadata: { actorId: 'ann', now },
    });
    const changed = (name: string, fourEyes: boolean, changeRequestId?: string): EnvironmentEvent => ({
      type: 'EnvironmentPolicyChanged',
      data: {
        name,
        fourEyes,
        changedBy: 'ann',
        changedAt: at,
        ...(changeRequestId === undefined ? {} : { changeRequestId }),
      },
    });

    it('asks for four eyes in production by default, so turning it on there changes nothing', () =>
      given([production]).when(changePolicy('prod', true)).thenNothingHappens());

    it('does not ask for four eyes elsewhere by default: one administrator turns it on at once', () =>
      given([qa])
        .when(changePolicy('qa', true))
        .then([changed('qa', true)]));

    it('refuses to switch four-eyes off without an approved change request', () =>
      given([production])
        .when(changePolicy('prod', false))
        .thenThrows(IllegalStateError, 'FOUR_EYES.APPROVAL_REQUIRED'));

    it('switches four-eyes off once a change request was approved', () =>
      given([production])
        .when(changePolicy('prod', false, 'cr-1'))
        .then([changed('prod', false, 'cr-1')]));

    it('keeps a policy switched on again after it was switched off', () =>
      given([qa, changed('qa', true)])
        .when(changePolicy('qa', false))
        .thenThrows(IllegalStateError, 'FOUR_EYES.APPROVAL_REQUIRED'));

    it('refuses a policy of an environment that does not exist', () =>
      given([]).when(changePolicy('prod', true)).thenThrows(NotFoundError, 'ENVIRONMENT.NOT_FOUND'));

    it('refuses a policy that is not a boolean', () =>
      given([qa])
        .when(changePolicy('qa', 'yes' as never))
        .thenThrows(ValidationError, 'ENVIRONMENT.INVALID', invalidFields('fourEyes')));
  });

  it('names the stream after the environment, so names are unique', () =>
    expect(environmentStreamId('qa')).toBe('environment-qa'));
});
