/**
 * One difference between two states of an object. `path` is a JSON Pointer (RFC 6901) into them,
 * except that an element of a list of identifiable things is addressed by its identity rather than
 * its index (see IDENTITIES). `before` is absent for what was added, `after` for what was removed.
 */
export type StateChange = Readonly<{ path: string; before?: unknown; after?: unknown }>;

/**
 * The fields that identify an element of a list: a list whose elements all carry, each with a value
 * of its own, the first of them its first element carries, is compared element by element by that
 * value. So adding or removing an entity names that entity (`/entities/Album`) instead of shifting
 * every index after it, and a changed grant names its environment (`/roles/qa/role`). Other lists
 * compare by index. The order of an identified list is not compared (no state depends on it).
 */
const IDENTITIES = ['id', 'name', 'environment'] as const;

type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const ESCAPED = /[~/]/;
const segment = (key: string): string =>
  ESCAPED.test(key) ? `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}` : `/${key}`;

/**
 * What changed from `before` to `after` (plain JSON values; an undefined field counts as absent).
 * Unchanged values shared by both states (the same reference, as a projection's `{ ...view }` keeps
 * them) are skipped without being walked, so diffing each state against the next costs what changed.
 */
export function diffStates(before: unknown, after: unknown): StateChange[] {
  const changes: StateChange[] = [];
  diffValues(changes, '', before, after);
  return changes;
}

function diffValues(changes: StateChange[], path: string, before: unknown, after: unknown): void {
  if (before === after) return;
  if (before === undefined) changes.push({ path, after });
  else if (after === undefined) changes.push({ path, before });
  else if (isObject(before) && isObject(after)) diffObjects(changes, path, before, after);
  else if (Array.isArray(before) && Array.isArray(after)) diffArrays(changes, path, before, after);
  else changes.push({ path, before, after });
}

function diffObjects(changes: StateChange[], path: string, before: Json, after: Json): void {
  // for-in loops rather than Object.entries, and no path built for an unchanged field: this runs for
  // every field of every state of a history.
  for (const key in before)
    if (before[key] !== after[key]) diffValues(changes, path + segment(key), before[key], after[key]);
  for (const key in after)
    if (!(key in before) && after[key] !== undefined)
      changes.push({ path: path + segment(key), after: after[key] });
}

function diffArrays(
  changes: StateChange[],
  path: string,
  before: readonly unknown[],
  after: readonly unknown[],
): void {
  const identity = identityOf(before[0] ?? after[0]);
  const beforeById = identity === undefined ? undefined : byIdentity(before, identity);
  const afterById = beforeById === undefined ? undefined : byIdentity(after, identity as string);
  if (beforeById === undefined || afterById === undefined) {
    const common = Math.min(before.length, after.length);
    for (let index = 0; index < common; index++)
      if (before[index] !== after[index])
        diffValues(changes, `${path}/${index}`, before[index], after[index]);
    for (let index = common; index < before.length; index++)
      changes.push({ path: `${path}/${index}`, before: before[index] });
    for (let index = common; index < after.length; index++)
      changes.push({ path: `${path}/${index}`, after: after[index] });
    return;
  }
  for (const [id, element] of beforeById) {
    const next = afterById.get(id);
    if (next !== element) diffValues(changes, path + segment(id), element, next);
  }
  for (const [id, element] of afterById)
    if (!beforeById.has(id)) changes.push({ path: path + segment(id), after: element });
}

/** The first of IDENTITIES that `element` carries as a string. */
const identityOf = (element: unknown): string | undefined =>
  isObject(element) ? IDENTITIES.find((field) => typeof element[field] === 'string') : undefined;

/** The elements by their `field`, unless one is no object with a string `field` or two share one. */
function byIdentity(elements: readonly unknown[], field: string): Map<string, unknown> | undefined {
  const byId = new Map<string, unknown>();
  for (const element of elements) {
    if (!isObject(element)) return undefined;
    const id = element[field];
    if (typeof id !== 'string' || byId.has(id)) return undefined;
    byId.set(id, element);
  }
  return byId;
}
