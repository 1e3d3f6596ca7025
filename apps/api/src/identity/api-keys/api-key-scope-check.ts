import { ForbiddenError, reachInto, scopeRefusal } from '@ib/domain';
import { type AuthenticatedUser } from '../auth/authenticated-user';
import { authorize } from '../auth/policy';

/** A data call as its route names it, before the route is checked any further. */
export type DataCall = Readonly<{ env: string; integrationId: string; entity: string; writes: boolean }>;

/**
 * Whether the caller may make a data call at all, before anything is resolved or written: a member of
 * the environment (users and keys alike), and for a key, a call its scope lets through. Each refusal is
 * a 403 with its own code, so an app can tell a key that is too narrow from one that only reads.
 */
export function authorizeDataCall(user: AuthenticatedUser, call: DataCall): void {
  authorize(user, 'data.access', call.env);
  switch (scopeRefusal(user.apiKey?.scope, call)) {
    case undefined:
      return;
    case 'out-of-scope':
      throw new ForbiddenError(
        'API_KEY.OUT_OF_SCOPE',
        `This API key does not open entity ${call.entity} of integration ${call.integrationId}`,
      );
    case 'read-only':
      throw new ForbiddenError(
        'API_KEY.READ_ONLY',
        'This API key only reads: it may not create, update or delete',
      );
  }
}

/** What a key may see described of an integration: some entities only (absent: all), reads only. */
export type KeyReach = Readonly<{ entities?: readonly string[]; readOnly: boolean }>;

/**
 * What of an integration the caller may see described (the OpenAPI document of a version of it):
 * everything (undefined) for a user and an unscoped key; for a scoped key, the entities its scope
 * names there and whether it only reads; for a key whose scope leaves the integration out, the same
 * 403 a data call to it gets.
 */
export function keyReachInto(user: AuthenticatedUser, integrationId: string): KeyReach | undefined {
  const scope = user.apiKey?.scope;
  const reach = reachInto(scope, integrationId);
  if (reach === undefined)
    throw new ForbiddenError(
      'API_KEY.OUT_OF_SCOPE',
      `This API key does not open integration ${integrationId}`,
    );
  const readOnly = scope?.readOnly === true;
  return reach.entities === undefined && !readOnly ? undefined : { entities: reach.entities, readOnly };
}
