import type { ConnectionDetails } from '../../types';

/** Where a connection points: a SQLite file, an OData service's URL, or `host:port / database`. */
export const serverOf = ({ host, port, path, url, database }: ConnectionDetails): string =>
  path ?? url ?? [host && (port ? `${host}:${port}` : host), database].filter(Boolean).join(' / ');
