import { type HttpServer, Injectable } from '@nestjs/common';
import {
  ApiKeyUsage,
  type AuthenticatedUser,
  Authenticator,
  authorizeDataCall,
  parseIfMatch,
  SESSION_STALE_HEADER,
} from '../identity';
import { LogHead } from '../infrastructure/event-store/log-head';
import { type HttpReply, type HttpRequest } from '../infrastructure/http/http-types';
import { answerWithProblem } from '../infrastructure/http/problem-details.filter';
import { type Route } from '../infrastructure/http/route-table';
import { IdempotentPosts } from '../infrastructure/idempotency/idempotent-posts';
import { type DataRoute, type RouteParams, checkRoute, knownRoute, rawKeyOf } from './data-route';
import { listRows } from './list-rows';
import { meansMissingSchema } from './missing-schema';
import { PublishedEntities, type ServedEntity } from './published-entities';
import { createRow, deleteRow, getRow, updateRow } from './row-operations';

const ENTITY_PATH = '/api/data/:env/:integrationId/:entity';
const ROW_PATH = `${ENTITY_PATH}/:key`;

/** The data routes, for the not-found fallback to answer their other methods with 405 (RouteTable). */
export const DATA_ROUTES: readonly Route[] = [
  { method: 'GET', path: ENTITY_PATH },
  { method: 'POST', path: ENTITY_PATH },
  { method: 'GET', path: ROW_PATH },
  { method: 'PATCH', path: ROW_PATH },
  { method: 'DELETE', path: ROW_PATH },
];

type DataRequest = HttpRequest & { params: RouteParams };

/** A data call that passed every check, with the entity that serves it. */
type DataCall = Readonly<{ request: DataRequest; route: DataRoute; served: ServedEntity }>;

/** A success: its status, its body (none for 204) and the headers it adds. */
type Answer = Readonly<{ status: number; body?: unknown; headers?: Readonly<Record<string, string>> }>;

type Operation = (call: DataCall) => Promise<Answer>;

const headerOf = (request: HttpRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * The data API of the version deployed in an environment (user tokens or app API keys): one route
 * per operation, registered with the HTTP adapter itself (Fastify or Express) rather than as a Nest
 * controller. Apps call these routes far more often than anything else, and Nest's per-request
 * pipeline (guards, interceptors, pipes, parameter decorators) costs as much as a list's own work;
 * so each route runs what that pipeline ran for it, directly: authentication (API keys accepted),
 * the Idempotency-Key of a POST, the If-Match check, the route check, and every error through the
 * same problem-details answer as the rest of the API. The document describes them in
 * data-api.openapi.ts. List query: see DATA_QUERY_DESCRIPTION. Keys: see KEY_ENCODING_DESCRIPTION.
 *
 * Everything a call consults (the caller's session or key, the deployment, the published version,
 * the connection) is caught up to one head position of the log, read after the call began and
 * shared by the calls that arrived with it (LogHead): a write answered before the call began is
 * seen by it, at one head read per burst of calls instead of two per call.
 */
@Injectable()
export class DataApiRoutes {
  constructor(
    private readonly head: LogHead,
    private readonly authenticator: Authenticator,
    private readonly entities: PublishedEntities,
    private readonly idempotency: IdempotentPosts,
    private readonly usage: ApiKeyUsage,
  ) {}

  /** Before `app.init()`: Express matches routes in order, and Nest adds its not-found handler then. */
  register(http: HttpServer): void {
    http.get(
      ENTITY_PATH,
      this.route(http, async ({ served, request }) => ({
        status: 200,
        body: await listRows(served, request.url),
      })),
    );
    http.post(
      ENTITY_PATH,
      this.route(http, async ({ served, route, request }) => {
        const { row, location } = await createRow(served, route, request.body);
        return { status: 201, body: row, headers: { location } };
      }),
    );
    http.get(
      ROW_PATH,
      this.route(http, async ({ served, request }) => ({
        status: 200,
        body: await getRow(served, rawKeyOf(request.url)),
      })),
    );
    http.patch(
      ROW_PATH,
      this.route(http, async ({ served, request }) => ({
        status: 200,
        body: await updateRow(served, rawKeyOf(request.url), request.body),
      })),
    );
    http.delete(
      ROW_PATH,
      this.route(http, async ({ served, request }) => {
        await deleteRow(served, rawKeyOf(request.url));
        return { status: 204 };
      }),
    );
  }

  /** A handler that answers the operation's success through the adapter as Nest would, or a problem. */
  private route(http: HttpServer, operation: Operation) {
    return async (request: DataRequest, reply: HttpReply): Promise<void> => {
      try {
        // The checks in the order Nest ran them: the caller, the Idempotency-Key, then the call itself.
        const head = await this.head.read();
        const user = await this.authenticator.authenticate(request, { acceptsApiKey: true }, head);
        request.user = user;
        // As AuthGuard does: a console user's token from before a role was granted (the data browser).
        if (user.staleSession !== undefined) http.setHeader(reply, SESSION_STALE_HEADER, user.staleSession);
        if (user.apiKey !== undefined) this.usage.record(user.apiKey.keyId);
        // Before anything is resolved, replayed or written: a key's scope refuses the call as it is named.
        authorizeDataCall(user, {
          env: request.params.env ?? '',
          integrationId: request.params.integrationId ?? '',
          entity: request.params.entity ?? '',
          writes: request.method !== 'GET' && request.method !== 'HEAD',
        });
        const key = this.idempotency.keyOf(request);
        const { status, body, headers } =
          key === undefined
            ? await this.run(request, user, head, operation)
            : await this.runOnce(request, key, () => this.run(request, user, head, operation));
        if (headers !== undefined)
          for (const [name, value] of Object.entries(headers)) http.setHeader(reply, name, value);
        http.reply(reply, body, status);
      } catch (error) {
        answerWithProblem(error, request, reply);
      }
    };
  }

  /** The call of a known caller: its If-Match and route checked, the operation on the entity it names. */
  private async run(
    request: DataRequest,
    user: AuthenticatedUser,
    head: number,
    operation: Operation,
  ): Promise<Answer> {
    // Read, as on every route of the API: a malformed If-Match is refused, whatever the route.
    parseIfMatch(headerOf(request, 'if-match'));
    const route = knownRoute(request.params) ?? (await checkRoute(request.params));
    const served = await this.entities.resolve(user, route, head);
    try {
      return await operation({ request, route, served });
    } catch (error) {
      if (!meansMissingSchema(error)) throw error;
      throw (await this.entities.driftNow(route, served)) ?? error;
    }
  }

  /** A POST with an Idempotency-Key: run once, its repeats answered what it answered. */
  private async runOnce(request: DataRequest, key: string, run: () => Promise<Answer>): Promise<Answer> {
    const outcome = await this.idempotency.run(request, key, run, ({ status, body, headers = {} }) => ({
      status,
      body,
      headers,
    }));
    if (!outcome.replayed) return outcome.result;
    const { status, body, headers } = outcome.response;
    return { status, body, headers: { ...headers, 'Idempotent-Replayed': 'true' } };
  }
}
