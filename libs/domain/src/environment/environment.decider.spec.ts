import { DeciderSpecification, invalidFields } from '../shared/decider-specification';
import { IllegalStateError, ValidationError } from '../shared/errors';
import { type CreateEnvironment } from './environment.commands';
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

  it('names the stream after the environment, so names are unique', () =>
    expect(environmentStreamId('qa')).toBe('environment-qa'));
});
