import { ConnectorError } from '../spi';

/** Where a PostgreSQL integration's tables live: a database of the server, and a schema in it. */
export type PostgresAddress = Readonly<{ database: string; schema: string }>;

/** The schema a bare database name means. */
export const DEFAULT_POSTGRES_SCHEMA = 'public';

/**
 * PostgreSQL has databases (one connection reaches one) holding schemas (namespaces of tables). The
 * product's one "database" of an integration carries both as `<database>/<schema>`, split at the first
 * `/` (a schema name may hold one, a database name may not): the wizard lists them so, the integration
 * stores it, and the data API hands it back as the tables' schema. A bare `<database>` means its
 * `public` schema, so a connection bound in another environment may name just its database (QA's copy).
 */
export function parsePostgresAddress(address: string): PostgresAddress {
  const slash = address.indexOf('/');
  const database = slash < 0 ? address : address.slice(0, slash);
  const schema = slash < 0 ? DEFAULT_POSTGRES_SCHEMA : address.slice(slash + 1);
  if (database === '' || schema === '')
    throw new ConnectorError(
      'CONNECTOR.DATABASE_NOT_FOUND',
      `"${address}" names no PostgreSQL schema: write <database>/<schema>`,
    );
  return { database, schema };
}

export const postgresAddress = ({ database, schema }: PostgresAddress): string => `${database}/${schema}`;
