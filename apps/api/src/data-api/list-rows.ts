import { type FindQuery, type TableInfo } from '@ib/connectors';
import { DEFAULT_LIMIT } from '../publishing';
import { parseFindQuery } from './data-query';
import { type ServedEntity } from './published-entities';

const MAX_KNOWN_QUERIES = 1000;
/**
 * Query strings already read, per table (a FindQuery is read-only, and what a query string reads as
 * depends on nothing else): apps ask for the same pages over and over, and reading one costs more
 * than the rest of a list's own work. Bounded, emptied when full, like the route check's memo.
 */
const knownQueries = new WeakMap<TableInfo, Map<string, FindQuery>>();

function findQueryOf(table: TableInfo, url: string): FindQuery {
  const search = url.includes('?') ? url.slice(url.indexOf('?')) : '';
  let known = knownQueries.get(table);
  const query = known?.get(search);
  if (query !== undefined) return query;
  const parsed = parseFindQuery(table, search);
  if (known === undefined) knownQueries.set(table, (known = new Map()));
  if (known.size >= MAX_KNOWN_QUERIES) known.clear();
  known.set(search, parsed);
  return parsed;
}

/** A page of an entity's rows, as the data API answers `GET /api/data/:env/:integrationId/:entity`. */
export async function listRows(served: ServedEntity, url: string) {
  const query = findQueryOf(served.table, url);
  // The deployed version's null policy (see row-operations.ts).
  const result = await served.data.find(served.table, query, served.options);
  return {
    items: result.rows,
    ...(result.total !== undefined ? { count: result.total } : {}),
    offset: query.offset ?? 0,
    limit: query.limit ?? DEFAULT_LIMIT,
  };
}
