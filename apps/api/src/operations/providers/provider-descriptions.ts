import { type Provider } from '@ib/domain';

export type ProviderField = Readonly<{
  name: string;
  label: string;
  type: 'string' | 'number' | 'password' | 'boolean';
  required: boolean;
}>;
export type ProviderDescription = Readonly<{
  id: Provider;
  name: string;
  available: boolean;
  fields: readonly ProviderField[];
}>;

const serverFields = (defaultPortLabel: string): ProviderField[] => [
  { name: 'host', label: 'Host', type: 'string', required: true },
  { name: 'port', label: `Port (${defaultPortLabel})`, type: 'number', required: false },
  { name: 'database', label: 'Database', type: 'string', required: false },
  { name: 'username', label: 'Username', type: 'string', required: true },
  { name: 'password', label: 'Password', type: 'password', required: true },
];

/**
 * The database providers an integration can target. Server options (TLS, timeouts, pool size, SQL Server's
 * instance name, encrypt, trustServerCertificate) go in `details.options` through the API.
 */
export const PROVIDER_DESCRIPTIONS: readonly ProviderDescription[] = [
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
];
