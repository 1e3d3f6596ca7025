import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Authenticator } from '../identity';
import { type HttpRequest } from '../infrastructure/http/http-types';
import { type RouteParams, routeOf } from './data-api.http';
import { listRows } from './list-rows';
import { PublishedEntities } from './published-entities';

const LIST_ROUTE = '/api/data/:env/:integrationId/:entity';

/**
 * Apps list rows far more often than anything else is called, and Nest's per-request pipeline
 * (guards, pipes, interceptors, parameter decorators) costs about as much as the query itself. So
 * under Fastify a list is answered from an `onRequest` hook with the same parts the controller uses
 * (Authenticator, the memoised route check, listRows). Only a success is answered here: on any error
 * the request goes on to the Nest controller, which refuses it exactly as always (a list writes
 * nothing, so running it twice on that path changes nothing).
 */
export function registerDataListFastPath(app: NestFastifyApplication): void {
  const authenticator = app.get(Authenticator);
  const entities = app.get(PublishedEntities);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' || request.routeOptions.url !== LIST_ROUTE) return;
      let body: unknown;
      try {
        const route = await routeOf(request.params as RouteParams);
        const user = await authenticator.authenticate(request as unknown as HttpRequest, true);
        body = await listRows(entities, user, route, request.url);
      } catch {
        return;
      }
      return reply.header('content-type', 'application/json; charset=utf-8').send(body);
    });
}
