import { type Decider, assertNever } from '../shared/decider';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { ignoreUnknownEvent } from '../shared/ignore-unknown-event';
import { fieldErrors, lengthProblem, textProblem, throwIfInvalid, trimmed } from '../shared/validation';
import { type ApiKeyCommand, type CreateApiKey, type RevokeApiKey } from './api-key.commands';
import { type ApiKeyEvent } from './api-key.events';
import { type ApiKeyEntityScope, type ApiKeyScope } from './api-key-scope';

const MAX_APP_NAME = 100;
const MAX_LABEL = 200;
const HINT_LENGTH = 4;
const MAX_SCOPE_INTEGRATIONS = 100;
const MAX_SCOPE_ENTITIES = 500;
const MAX_ID = 64;
const MAX_ENTITY_NAME = 128;

export type ApiKeyDetails = Readonly<{
  keyId: string;
  environment: string;
  appName: string;
  label: string;
  hint: string;
  scope?: ApiKeyScope;
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

const isName = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max && value.trim() === value;

/** Each entry once, in the order first given. */
const distinct = <T>(values: readonly T[], keyOf: (value: T) => string): T[] => [
  ...new Map(values.map((value) => [keyOf(value), value])).values(),
];

type ScopeCheck = Readonly<{ scope?: ApiKeyScope; problems: readonly [string, string][] }>;

/**
 * The scope as recorded: only what restricts (no empty list, no `readOnly: false`, nothing at all
 * for a scope that restricts nothing), each integration and entity once. An empty list is refused
 * rather than read as "everything" or "nothing": leaving it out is how to say "all of them".
 */
const checkScope = (scope: unknown): ScopeCheck => {
  if (scope === undefined) return { problems: [] };
  if (typeof scope !== 'object' || scope === null || Array.isArray(scope))
    return { problems: [['scope', 'must be an object']] };
  const { integrations, entities, readOnly } = scope as Record<string, unknown>;
  const problems: [string, string][] = [];
  if (
    integrations !== undefined &&
    (!Array.isArray(integrations) ||
      integrations.length === 0 ||
      integrations.length > MAX_SCOPE_INTEGRATIONS ||
      !integrations.every((id) => isName(id, MAX_ID)))
  )
    problems.push([
      'scope.integrations',
      `must list 1 to ${MAX_SCOPE_INTEGRATIONS} integration ids (leave it out for all of them)`,
    ]);
  const entityEntries = Array.isArray(entities) ? (entities as unknown[]) : [];
  const wellFormed = (entry: unknown): entry is ApiKeyEntityScope =>
    typeof entry === 'object' &&
    entry !== null &&
    isName((entry as Record<string, unknown>).integrationId, MAX_ID) &&
    isName((entry as Record<string, unknown>).entity, MAX_ENTITY_NAME);
  if (
    entities !== undefined &&
    (!Array.isArray(entities) ||
      entityEntries.length === 0 ||
      entityEntries.length > MAX_SCOPE_ENTITIES ||
      !entityEntries.every(wellFormed))
  )
    problems.push([
      'scope.entities',
      `must list 1 to ${MAX_SCOPE_ENTITIES} { integrationId, entity } (leave it out for every entity)`,
    ]);
  else if (
    entities !== undefined &&
    !(entityEntries as ApiKeyEntityScope[]).every(
      ({ integrationId }) => Array.isArray(integrations) && integrations.includes(integrationId),
    )
  )
    problems.push(['scope.entities', "must name only entities of the scope's integrations"]);
  if (readOnly !== undefined && typeof readOnly !== 'boolean')
    problems.push(['scope.readOnly', 'must be true or false']);
  if (problems.length > 0) return { problems };
  const recorded: ApiKeyScope = {
    ...(integrations === undefined ? {} : { integrations: distinct(integrations as string[], (id) => id) }),
    ...(entities === undefined
      ? {}
      : {
          entities: distinct(
            entityEntries as ApiKeyEntityScope[],
            (e) => `${e.integrationId}/${e.entity}`,
          ).map(({ integrationId, entity }) => ({ integrationId, entity })),
        }),
    ...(readOnly === true ? { readOnly: true as const } : {}),
  };
  return Object.keys(recorded).length === 0 ? { problems } : { scope: recorded, problems };
};

const createApiKey = ({ data, metadata }: CreateApiKey, state: ApiKey): ApiKeyEvent[] => {
  if (state.status !== 'none')
    throw new IllegalStateError('API_KEY.ALREADY_EXISTS', `API key ${data.keyId} already exists`);
  const appName = trimmed(data.appName);
  const label = trimmed(data.label);
  const { scope, problems } = checkScope(data.scope);
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
      ...problems,
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
        ...(scope === undefined ? {} : { scope }),
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
