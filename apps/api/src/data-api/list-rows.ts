import { type AuthenticatedUser } from '../identity';
import { DEFAULT_LIMIT } from '../publishing';
import { parseFindQuery } from './data-query';
import { type PublishedEntities } from './published-entities';

export type ListRoute = Readonly<{ env: string; integrationId: string; entity: string }>;

/** A page of an entity's rows, as the data API answers `GET /api/data/:env/:integrationId/:entity`. */
export async function listRows(
  entities: PublishedEntities,
  user: AuthenticatedUser,
  route: ListRoute,
  url: string,
) {
  const served = await entities.resolve(user, route.env, route.integrationId, route.entity);
  const query = parseFindQuery(served.table, url);
  const result = await served.data.find(served.table, query);
  return {
    items: result.rows,
    ...(result.total !== undefined ? { count: result.total } : {}),
    offset: query.offset ?? 0,
    limit: query.limit ?? DEFAULT_LIMIT,
  };
}
