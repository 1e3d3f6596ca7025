import { type ConnectionDetails } from '../shared/connection-details';
import { type FieldError } from '../shared/errors';
import { type Provider, isProvider } from '../shared/provider';
import { type FieldCheck, fieldErrors, lengthProblem, textProblem, trimmed } from '../shared/validation';

const MAX_NAME = 100;
const SECRET_KEY = /password|secret/i;

/** Defence in depth: credentials belong in the secret store, so a details key that looks like one is refused. */
const secretKeyChecks = (details: ConnectionDetails): FieldCheck[] =>
  [
    ...Object.keys(details).map((key) => ({ key, field: `details.${key}` })),
    ...Object.keys(details.options ?? {}).map((key) => ({ key, field: `details.options.${key}` })),
  ]
    .filter(({ key }) => SECRET_KEY.test(key))
    .map(({ field }) => [field, 'must not hold a secret: pass it as a secret reference']);

/** What creating a connection and requesting one both require of the connection they describe. */
export const connectionFieldErrors = (
  data: Readonly<{
    name: unknown;
    provider: unknown;
    environment: unknown;
    details: unknown;
    secretRef?: unknown;
  }>,
): FieldError[] => {
  const details = typeof data.details === 'object' && data.details !== null ? data.details : undefined;
  return fieldErrors(
    ['name', lengthProblem(trimmed(data.name), MAX_NAME) ?? textProblem(trimmed(data.name))],
    ['provider', isProvider(data.provider) ? undefined : 'is not a supported provider'],
    ['environment', trimmed(data.environment) === '' ? 'is required' : undefined],
    ['details', details === undefined ? 'is required' : undefined],
    // A SQLite file is opened by path; a password would be stored and never used.
    [
      'password',
      data.provider === 'sqlite' && data.secretRef !== undefined
        ? 'is not used by SQLite connections'
        : undefined,
    ],
    ...(details === undefined ? [] : secretKeyChecks(details)),
  );
};

/** The details each provider reads: a SQLite file is opened by path, a server by host and user. */
const PROVIDER_FIELDS: Readonly<Record<Provider, readonly (keyof ConnectionDetails)[]>> = {
  sqlite: ['path', 'options'],
  mysql: ['host', 'port', 'database', 'username', 'options'],
  mssql: ['host', 'port', 'database', 'username', 'options'],
  postgres: ['host', 'port', 'database', 'username', 'options'],
  // database: the service name (FREEPDB1); its schemas are what the wizard lists as databases.
  oracle: ['host', 'port', 'database', 'username', 'options'],
  odata: ['url', 'username', 'options'],
};

/** Details another provider would read: stored, they would be shown and never used. */
export const foreignDetailErrors = (provider: Provider, details: ConnectionDetails): FieldError[] => {
  const own = PROVIDER_FIELDS[provider] as readonly string[];
  return fieldErrors(
    ...Object.entries(details)
      .filter(([key, value]) => value !== undefined && !own.includes(key))
      .map(([key]): FieldCheck => [`details.${key}`, `is not used by ${provider} connections`]),
  );
};
