import type { ConnectionDetails } from '../../types';

/** Where a connection points: a SQLite file, or `host:port / database`. */
export const serverOf = ({ host, port, path, database }: ConnectionDetails): string =>
  path ?? [host && (port ? `${host}:${port}` : host), database].filter(Boolean).join(' / ');
