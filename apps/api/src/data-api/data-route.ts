import { IsString, IsUUID, Length } from 'class-validator';
import { Omittable } from '../infrastructure/http/omittable.decorator';
import { createValidationPipe } from '../infrastructure/http/validation.pipe';

/** The path of every data route: which entity of which integration, served in which environment. */
export class DataRoute {
  @IsString()
  @Length(1, 40)
  env!: string;

  @IsUUID()
  integrationId!: string;

  @IsString()
  @Length(1, 128)
  entity!: string;

  /** Only on the `/:key` routes; read raw from the URL (see rawKeyOf). */
  @Omittable()
  @IsString()
  key?: string;
}

/** The path parameters as the router gives them, before they are checked as a DataRoute. */
export type RouteParams = Record<string, string | undefined>;

const routePipe = createValidationPipe();
const ROUTE_NAMES = new Set(['env', 'integrationId', 'entity', 'key']);
const MAX_KNOWN_ROUTES = 1000;
/** `env/integrationId/entity` triples the pipe found valid (a bounded memo, emptied when full). */
const knownRoutes = new Map<string, DataRoute>();

const namesOnlyRouteParts = (params: RouteParams): boolean => {
  for (const name in params) if (!ROUTE_NAMES.has(name)) return false;
  return true;
};

/**
 * The path parameters as a DataRoute when their `env/integrationId/entity` was already found valid
 * by checkRoute (else undefined): class-transformer and class-validator cost more than the rest of a
 * list call's own work, so a triple is checked once (a bounded memo, emptied when full).
 */
export function knownRoute(params: RouteParams): DataRoute | undefined {
  const known = knownRoutes.get(`${params.env}/${params.integrationId}/${params.entity}`);
  if (known === undefined || !namesOnlyRouteParts(params)) return undefined;
  return params.key === undefined ? known : Object.assign(new DataRoute(), known, { key: params.key });
}

/**
 * The path parameters checked as a DataRoute, by the same validation pipe every other parameter
 * goes through (so the same 400 for the same input).
 */
export async function checkRoute(params: RouteParams): Promise<DataRoute> {
  const route = (await routePipe.transform(params, { type: 'param', metatype: DataRoute })) as DataRoute;
  if (knownRoutes.size >= MAX_KNOWN_ROUTES) knownRoutes.clear();
  knownRoutes.set(
    `${route.env}/${route.integrationId}/${route.entity}`,
    Object.assign(new DataRoute(), route, { key: undefined }),
  );
  return route;
}

/** The raw (still percent-encoded) last path segment: a composite key may carry `%3B` inside a value. */
export const rawKeyOf = (url: string): string => {
  const path = url.split('?')[0];
  return path.slice(path.lastIndexOf('/') + 1);
};
