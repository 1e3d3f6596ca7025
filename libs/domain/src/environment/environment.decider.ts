import { type Decider, assertNever } from '../shared/decider';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { ignoreUnknownEvent } from '../shared/ignore-unknown-event';
import { fieldErrors, throwIfInvalid } from '../shared/validation';
import {
  type ChangeEnvironmentPolicy,
  type CreateEnvironment,
  type EnvironmentCommand,
} from './environment.commands';
import {
  ENVIRONMENT_KINDS,
  type EnvironmentEvent,
  type EnvironmentKind,
  defaultFourEyes,
} from './environment.events';

/** Lower-case and short: the name appears in stream ids, URLs and login forms. */
const ENVIRONMENT_NAME = /^[a-z][a-z0-9-]{0,39}$/;

export type CreatedEnvironment = Readonly<{
  status: 'created';
  name: string;
  kind: EnvironmentKind;
  address?: string;
  createdBy: string;
  createdAt: string;
  /** The effective policy: its kind's default until changed. */
  fourEyes: boolean;
}>;
export type Environment = Readonly<{ status: 'none' }> | CreatedEnvironment;

const isEnvironmentKind = (value: unknown): value is EnvironmentKind =>
  typeof value === 'string' && (ENVIRONMENT_KINDS as readonly string[]).includes(value);

const initialState = (): Environment => ({ status: 'none' });

const createEnvironment = ({ data, metadata }: CreateEnvironment, state: Environment): EnvironmentEvent[] => {
  if (state.status !== 'none')
    throw new IllegalStateError('ENVIRONMENT.ALREADY_EXISTS', `Environment ${data.name} already exists`);
  throwIfInvalid(
    'ENVIRONMENT.INVALID',
    'The environment is invalid',
    fieldErrors(
      [
        'name',
        typeof data.name === 'string' && ENVIRONMENT_NAME.test(data.name)
          ? undefined
          : 'must start with a lower-case letter and hold at most 40 lower-case letters, digits and -',
      ],
      ['kind', isEnvironmentKind(data.kind) ? undefined : `must be one of ${ENVIRONMENT_KINDS.join(', ')}`],
    ),
  );
  return [
    {
      type: 'EnvironmentCreated',
      data: {
        name: data.name,
        kind: data.kind,
        address: data.address,
        createdBy: metadata.actorId,
        createdAt: metadata.now.toISOString(),
      },
    },
  ];
};

const changePolicy = (
  { data, metadata }: ChangeEnvironmentPolicy,
  state: Environment,
): EnvironmentEvent[] => {
  if (state.status === 'none')
    throw new NotFoundError('ENVIRONMENT.NOT_FOUND', `Environment '${data.name}' does not exist`);
  throwIfInvalid(
    'ENVIRONMENT.INVALID',
    'The policy is invalid',
    fieldErrors(['fourEyes', typeof data.fourEyes === 'boolean' ? undefined : 'must be true or false']),
  );
  if (state.fourEyes === data.fourEyes) return [];
  // Else one administrator could switch it off and then change production alone.
  if (!data.fourEyes && data.changeRequestId === undefined)
    throw new IllegalStateError(
      'FOUR_EYES.APPROVAL_REQUIRED',
      `Switching four-eyes off in '${data.name}' needs a second administrator's approval`,
    );
  return [
    {
      type: 'EnvironmentPolicyChanged',
      data: {
        name: data.name,
        fourEyes: data.fourEyes,
        changedBy: metadata.actorId,
        changedAt: metadata.now.toISOString(),
        ...(data.changeRequestId === undefined ? {} : { changeRequestId: data.changeRequestId }),
      },
    },
  ];
};

const decide = (command: EnvironmentCommand, state: Environment): EnvironmentEvent[] => {
  switch (command.type) {
    case 'CreateEnvironment':
      return createEnvironment(command, state);
    case 'ChangeEnvironmentPolicy':
      return changePolicy(command, state);
    default:
      return assertNever(command);
  }
};

const evolve = (state: Environment, event: EnvironmentEvent): Environment => {
  switch (event.type) {
    case 'EnvironmentCreated':
      return { status: 'created', ...event.data, fourEyes: defaultFourEyes(event.data.kind) };
    case 'EnvironmentPolicyChanged':
      return state.status === 'none' ? state : { ...state, fourEyes: event.data.fourEyes };
    default:
      return ignoreUnknownEvent(event, state);
  }
};

export const environmentDecider: Decider<Environment, EnvironmentCommand, EnvironmentEvent> = {
  initialState,
  evolve,
  decide,
};
