/**
 * What a key may reach of its environment's data API. Absent (as in every key created before scopes
 * existed) or empty: every integration and entity, reads and writes.
 *
 * - `integrations`: the key opens only these integrations.
 * - `entities`: within an integration that has entries here, only these entities (the others of that
 *   integration stay closed); each entry's integration must be one of `integrations`.
 * - `readOnly`: only reads (list, get); a create, update or delete is refused.
 */
export type ApiKeyScope = Readonly<{
  integrations?: readonly string[];
  entities?: readonly ApiKeyEntityScope[];
  readOnly?: true;
}>;

export type ApiKeyEntityScope = Readonly<{ integrationId: string; entity: string }>;

/** Why a scope refuses a call: its integration or entity is outside it, or it writes with a read-only key. */
export type ScopeRefusal = 'out-of-scope' | 'read-only';

/** What a data call touches: an entity of an integration, reading or writing. */
export type ScopedCall = Readonly<{ integrationId: string; entity: string; writes: boolean }>;

/**
 * What `scope` opens of one integration: nothing (undefined), every entity (`entities` absent), or
 * only the entities it names there.
 */
export type IntegrationReach = Readonly<{ entities?: readonly string[] }>;

/** How far `scope` reaches into an integration: undefined when the key may not touch it at all. */
export function reachInto(
  scope: ApiKeyScope | undefined,
  integrationId: string,
): IntegrationReach | undefined {
  if (scope === undefined) return {};
  if (scope.integrations !== undefined && !scope.integrations.includes(integrationId)) return undefined;
  const named = (scope.entities ?? []).filter((entry) => entry.integrationId === integrationId);
  return named.length === 0 ? {} : { entities: named.map(({ entity }) => entity) };
}

/** Whether `scope` lets a key make `call`: undefined when it does, else why not. */
export function scopeRefusal(scope: ApiKeyScope | undefined, call: ScopedCall): ScopeRefusal | undefined {
  const reach = reachInto(scope, call.integrationId);
  if (reach === undefined) return 'out-of-scope';
  if (reach.entities !== undefined && !reach.entities.includes(call.entity)) return 'out-of-scope';
  if (scope?.readOnly === true && call.writes) return 'read-only';
  return undefined;
}
