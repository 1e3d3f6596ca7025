import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';
import { DataValidationError, type Row } from '@ib/connectors';
import { NotFoundError } from '@ib/domain';
import { API_KEY_HEADER, AcceptsApiKey, Ctx, type RequestContext } from '../identity';
import { type HttpReply, type HttpRequest } from '../infrastructure/http/http-types';
import { ApiProblems } from '../infrastructure/http/openapi/api-responses';
import { createValidationPipe } from '../infrastructure/http/validation.pipe';
import { KEY_ENCODING_DESCRIPTION, encodeKey } from '../publishing';
import { DATA_QUERY_DESCRIPTION, parseKey } from './data-query';
import { DATA_PROBLEMS, FILTER_QUERY, KEY_PARAM, LIST_QUERY, ROW_BODY } from './data-api.openapi';
import { DataRowListSchema, DataRowSchema } from './data-row.schema';
import { listRows } from './list-rows';
import { PublishedEntities, type ServedEntity } from './published-entities';
import { Omittable } from '../infrastructure/http/omittable.decorator';

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

/**
 * The path parameters checked as a DataRoute, by the same validation pipe every other parameter
 * goes through (so the same 400 for the same input). A triple already found valid is not checked
 * again: class-transformer and class-validator cost more than the rest of a list call's own work.
 */
export async function routeOf(params: RouteParams): Promise<DataRoute> {
  const memo = `${params.env}/${params.integrationId}/${params.entity}`;
  const known = knownRoutes.get(memo);
  if (known !== undefined && Object.keys(params).every((name) => ROUTE_NAMES.has(name)))
    return params.key === undefined ? known : Object.assign(new DataRoute(), known, { key: params.key });
  const route = (await routePipe.transform(params, { type: 'param', metatype: DataRoute })) as DataRoute;
  if (knownRoutes.size >= MAX_KNOWN_ROUTES) knownRoutes.clear();
  knownRoutes.set(memo, Object.assign(new DataRoute(), route, { key: undefined }));
  return route;
}

/** The raw (still percent-encoded) last path segment: a composite key may carry `%3B` inside a value. */
const rawKeyOf = (url: string): string => {
  const path = url.split('?')[0];
  return path.slice(path.lastIndexOf('/') + 1);
};

const valuesOf = (body: unknown): Row => {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new DataValidationError('The body must be an object of attributes', [
      { field: 'values', message: 'must be an object of attributes' },
    ]);
  return body as Row;
};

const rowNotFound = (served: ServedEntity, key: string) =>
  new NotFoundError('DATA.ROW_NOT_FOUND', `${served.entity.name} ${decodeURIComponent(key)} does not exist`);

/**
 * The data API of the version deployed in an environment (user tokens or app API keys). Under
 * Fastify, lists that succeed are answered by the fast path (see data-list-fast-path.ts).
 * List query: see DATA_QUERY_DESCRIPTION. Keys: see KEY_ENCODING_DESCRIPTION.
 */
@ApiTags('data')
@ApiBearerAuth()
@ApiSecurity(API_KEY_HEADER)
@ApiParam({
  name: 'env',
  description: 'The environment whose deployed version answers',
  schema: { type: 'string', minLength: 1, maxLength: 40, example: 'development' },
})
@ApiParam({
  name: 'integrationId',
  description: 'The integration',
  schema: { type: 'string', format: 'uuid' },
})
@ApiParam({
  name: 'entity',
  description: 'An entity of the version deployed in the environment, by the name the builder gave it',
  schema: { type: 'string', minLength: 1, maxLength: 128, example: 'Album' },
})
@ApiProblems(DATA_PROBLEMS)
@AcceptsApiKey()
@Controller('api/data/:env/:integrationId/:entity')
export class DataApiController {
  constructor(private readonly entities: PublishedEntities) {}

  @Get()
  @ApiOperation({ summary: `List rows of an entity: ${DATA_QUERY_DESCRIPTION}` })
  @ApiQuery(FILTER_QUERY)
  @ApiQuery(LIST_QUERY.sort)
  @ApiQuery(LIST_QUERY.fields)
  @ApiQuery(LIST_QUERY.offset)
  @ApiQuery(LIST_QUERY.limit)
  @ApiQuery(LIST_QUERY.count)
  @ApiOkResponse({ type: DataRowListSchema })
  async list(@Param() params: RouteParams, @Ctx() context: RequestContext, @Req() request: HttpRequest) {
    const route = await routeOf(params);
    return listRows(this.entities, context.user, route, request.url);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a row: answers the new row, its key in the Location' })
  @ApiBody(ROW_BODY)
  @ApiCreatedResponse({
    type: DataRowSchema,
    headers: {
      Location: {
        required: true,
        description: 'The new row: /api/data/{env}/{integrationId}/{entity}/{key}',
        schema: { type: 'string' },
      },
    },
  })
  async create(
    @Param() route: DataRoute,
    @Body() body: unknown,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const served = await this.entities.resolve(context.user, route.env, route.integrationId, route.entity);
    const key = await served.data.insert(served.table, valuesOf(body));
    const encoded = encodeKey(served.table.primaryKey, key as Parameters<typeof encodeKey>[1]);
    reply.header(
      'Location',
      `/api/data/${route.env}/${route.integrationId}/${encodeURIComponent(route.entity)}/${encoded}`,
    );
    return (await served.data.get(served.table, key)) ?? { ...key };
  }

  @Get(':key')
  @ApiOperation({ summary: `Get a row by key. ${KEY_ENCODING_DESCRIPTION}` })
  @ApiParam(KEY_PARAM)
  @ApiOkResponse({ type: DataRowSchema })
  async get(@Param() params: RouteParams, @Ctx() context: RequestContext, @Req() request: HttpRequest) {
    const route = await routeOf(params);
    const served = await this.entities.resolve(context.user, route.env, route.integrationId, route.entity);
    const raw = rawKeyOf(request.url);
    const row = await served.data.get(served.table, parseKey(served.table, raw));
    if (row === undefined) throw rowNotFound(served, raw);
    return row;
  }

  @Patch(':key')
  @ApiOperation({ summary: 'Update some attributes of a row: answers the updated row' })
  @ApiParam(KEY_PARAM)
  @ApiBody(ROW_BODY)
  @ApiOkResponse({ type: DataRowSchema })
  async update(
    @Param() route: DataRoute,
    @Body() body: unknown,
    @Ctx() context: RequestContext,
    @Req() request: HttpRequest,
  ) {
    const served = await this.entities.resolve(context.user, route.env, route.integrationId, route.entity);
    const raw = rawKeyOf(request.url);
    const key = parseKey(served.table, raw);
    const changed = await served.data.update(served.table, key, valuesOf(body));
    const row = changed === 0 ? undefined : await served.data.get(served.table, key);
    if (row === undefined) throw rowNotFound(served, raw);
    return row;
  }

  @Delete(':key')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a row' })
  @ApiParam(KEY_PARAM)
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(
    @Param() route: DataRoute,
    @Ctx() context: RequestContext,
    @Req() request: HttpRequest,
  ): Promise<void> {
    const served = await this.entities.resolve(context.user, route.env, route.integrationId, route.entity);
    const raw = rawKeyOf(request.url);
    const deleted = await served.data.delete(served.table, parseKey(served.table, raw));
    if (deleted === 0) throw rowNotFound(served, raw);
  }
}
