import { type Decider, assertNever } from '../shared/decider';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { ignoreUnknownEvent } from '../shared/ignore-unknown-event';
import { fieldErrors, lengthProblem, textProblem, throwIfInvalid, trimmed } from '../shared/validation';
import { type ApiKeyCommand, type CreateApiKey, type RevokeApiKey } from './api-key.commands';
import { type ApiKeyEvent } from './api-key.events';

const MAX_APP_NAME = 100;
const MAX_LABEL = 200;
const HINT_LENGTH = 4;

export type ApiKeyDetails = Readonly<{
  keyId: string;
  environment: string;
  appName: string;
  label: string;
  hint: string;
  createdBy: string;
  createdAt: string;
}>;
export type ActiveApiKey = ApiKeyDetails & Readonly<{ status: 'active' }>;
export type RevokedApiKey = ApiKeyDetails &
  Readonly<{ status: 'revoked'; revokedBy: string; revokedAt: string }>;
export type ApiKey = Readonly<{ status: 'none' }> | ActiveApiKey | RevokedApiKey;

/** Only an active key opens the data API. */
export const isActiveApiKey = (state: ApiKey): state is ActiveApiKey => state.status === 'active';

const initialState = (): ApiKey => ({ status: 'none' });

const required = (value: unknown): string | undefined => (trimmed(value) === '' ? 'is required' : undefined);

const createApiKey = ({ data, metadata }: CreateApiKey, state: ApiKey): ApiKeyEvent[] => {
  if (state.status !== 'none')
    throw new IllegalStateError('API_KEY.ALREADY_EXISTS', `API key ${data.keyId} already exists`);
  const appName = trimmed(data.appName);
  const label = trimmed(data.label);
  throwIfInvalid(
    'API_KEY.INVALID',
    'The API key is invalid',
    fieldErrors(
      ['keyId', required(data.keyId)],
      ['environment', required(data.environment)],
      ['appName', lengthProblem(appName, MAX_APP_NAME) ?? textProblem(appName)],
      ['label', label.length > MAX_LABEL ? `must be at most ${MAX_LABEL} characters` : textProblem(label)],
      [
        'hint',
        typeof data.hint === 'string' && data.hint.length === HINT_LENGTH
          ? undefined
          : `must be exactly ${HINT_LENGTH} characters`,
      ],
    ),
  );
  return [
    {
      type: 'ApiKeyCreated',
      data: {
        keyId: data.keyId,
        environment: data.environment,
        appName,
        label,
        hint: data.hint,
        createdBy: metadata.actorId,
        createdAt: metadata.now.toISOString(),
      },
    },
  ];
};

const revokeApiKey = ({ data, metadata }: RevokeApiKey, state: ApiKey): ApiKeyEvent[] => {
  // A key of another environment is as unknown as a missing one: its id says nothing to this admin.
  if (state.status === 'none' || state.environment !== data.environment)
    throw new NotFoundError(
      'API_KEY.NOT_FOUND',
      `API key ${data.keyId} does not exist in environment '${data.environment}'`,
    );
  if (state.status === 'revoked') return [];
  return [
    {
      type: 'ApiKeyRevoked',
      data: {
        keyId: state.keyId,
        environment: state.environment,
        revokedBy: metadata.actorId,
        revokedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const decide = (command: ApiKeyCommand, state: ApiKey): ApiKeyEvent[] => {
  switch (command.type) {
    case 'CreateApiKey':
      return createApiKey(command, state);
    case 'RevokeApiKey':
      return revokeApiKey(command, state);
    default:
      return assertNever(command);
  }
};

const evolve = (state: ApiKey, event: ApiKeyEvent): ApiKey => {
  switch (event.type) {
    case 'ApiKeyCreated':
      return { status: 'active', ...event.data };
    case 'ApiKeyRevoked':
      // A revocation of a key never created cannot change anything; evolve must not throw.
      return state.status === 'none'
        ? state
        : { ...state, status: 'revoked', revokedBy: event.data.revokedBy, revokedAt: event.data.revokedAt };
    default:
      return ignoreUnknownEvent(event, state);
  }
};

export const apiKeyDecider: Decider<ApiKey, ApiKeyCommand, ApiKeyEvent> = { initialState, evolve, decide };
