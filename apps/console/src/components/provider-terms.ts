import type { ProviderId } from '../types';

type ProviderTerms = Readonly<{
  /** What a connection of the provider reaches, as the connect step names it. */
  source: string;
  /** What the wizard's one-database step picks: PostgreSQL's are `<database>/<schema>`, OData's a service. */
  database: string;
}>;

/** The wizard's words for each provider, so that an OData service is never called a database. */
export const PROVIDER_TERMS: Record<ProviderId, ProviderTerms> = {
  sqlite: { source: 'SQLite database', database: 'database' },
  mysql: { source: 'MySQL / MariaDB server', database: 'database' },
  mssql: { source: 'SQL Server', database: 'database' },
  postgres: { source: 'PostgreSQL server', database: 'database and schema' },
  oracle: { source: 'Oracle database', database: 'schema' },
  odata: { source: 'OData service', database: 'service' },
};
