import { type Provider, SPECIFICATION_PROVIDERS } from '@ib/domain';
import { ODATA_AUTH_KINDS } from '@ib/connectors';

export type ProviderField = Readonly<{
  name: string;
  label: string;
  type: 'string' | 'number' | 'password' | 'boolean' | 'choice';
  required: boolean;
  /** A `choice` field's values, the first being the default. */
  choices?: readonly string[];
}>;
export type ProviderDescription = Readonly<{
  id: Provider;
  name: string;
  available: boolean;
  /** An integration of it may be built from an uploaded service specification (`$metadata`) before a connection exists. */
  specification: boolean;
  fields: readonly ProviderField[];
}>;

const serverFields = (
  defaultPortLabel: string,
  database: Pick<ProviderField, 'label' | 'required'> = { label: 'Database', required: false },
): ProviderField[] => [
  { name: 'host', label: 'Host', type: 'string', required: true },
  { name: 'port', label: `Port (${defaultPortLabel})`, type: 'number', required: false },
  { name: 'database', type: 'string', ...database },
  { name: 'username', label: 'Username', type: 'string', required: true },
  { name: 'password', label: 'Password', type: 'password', required: true },
];

/**
 * The database providers an integration can target. Server options (TLS, timeouts, pool size, SQL Server's
 * instance name, encrypt, trustServerCertificate, Oracle's tls and callTimeoutMs) go in `details.options`
 * through the API.
 */
const DESCRIPTIONS: readonly Omit<ProviderDescription, 'specification'>[] = [
  {
    id: 'sqlite',
    name: 'SQLite',
    available: true,
    fields: [
      { name: 'path', label: 'File (relative to the databases folder)', type: 'string', required: true },
    ],
  },
  { id: 'mysql', name: 'MySQL / MariaDB', available: true, fields: serverFields('3306') },
  { id: 'mssql', name: 'SQL Server', available: true, fields: serverFields('1433') },
  { id: 'postgres', name: 'PostgreSQL', available: true, fields: serverFields('5432') },
  {
    id: 'oracle',
    name: 'Oracle',
    available: true,
    // Easy Connect: host:port/service; the wizard then lists the service's schemas as databases.
    fields: serverFields('1521', { label: 'Service name', required: true }),
  },
  {
    id: 'odata',
    name: 'OData (SAP OData v2/v4, Dataverse, Dynamics 365)',
    available: true,
    // A dotted name is a detail option: `options.auth` is `details.options.auth`.
    fields: [
      { name: 'url', label: 'Service URL', type: 'string', required: true },
      {
        name: 'options.auth',
        label: 'Authentication',
        type: 'choice',
        required: false,
        choices: ODATA_AUTH_KINDS,
      },
      { name: 'username', label: 'Username or OAuth client id', type: 'string', required: false },
      { name: 'password', label: 'Password, client secret or API key', type: 'password', required: false },
      { name: 'options.tokenUrl', label: 'OAuth token URL', type: 'string', required: false },
      { name: 'options.scope', label: 'OAuth scope', type: 'string', required: false },
      {
        name: 'options.apiKeyHeader',
        label: 'API-key header (default APIKey)',
        type: 'string',
        required: false,
      },
    ],
  },
];

export const PROVIDER_DESCRIPTIONS: readonly ProviderDescription[] = DESCRIPTIONS.map((description) => ({
  ...description,
  specification: SPECIFICATION_PROVIDERS.includes(description.id),
}));
