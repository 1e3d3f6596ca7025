/**
 * One difference between two states of an object. `path` is a JSON Pointer (RFC 6901) into them,
 * except that an element of a list of identifiable things is addressed by its identity rather than
 * its index (see IDENTITIES). `before` is absent for what was added, `after` for what was removed.
 */
export type StateChange = Readonly<{ path: string; before?: unknown; after?: unknown }>;

/**
 * The fields that identify an element of a list, in the order they are tried: a list whose elements
 * all carry one of them, each value distinct, is compared element by element by that value. So adding
 * or removing an entity names that entity (`/entities/Album`) instead of shifting every index after
 * it, and a changed grant names its environment (`/roles/qa/role`). Other lists compare by index.
 * The order of an identified list is not compared (no state depends on it).
 */
const IDENTITIES = ['id', 'name', 'environment'] as const;

type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const segment = (key: string): string => `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;

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
  // for-in loops rather than Object.entries: no pair array per field, once per event of a history.
  for (const key in before) diffValues(changes, path + segment(key), before[key], after[key]);
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
  const identity = IDENTITIES.find((field) => identifies(field, before) && identifies(field, after));
  if (identity === undefined) {
    const common = Math.min(before.length, after.length);
    for (let index = 0; index < common; index++)
      diffValues(changes, `${path}/${index}`, before[index], after[index]);
    for (let index = common; index < before.length; index++)
      changes.push({ path: `${path}/${index}`, before: before[index] });
    for (let index = common; index < after.length; index++)
      changes.push({ path: `${path}/${index}`, after: after[index] });
    return;
  }
  const afterById = new Map(after.map((element) => [(element as Json)[identity] as string, element]));
  const beforeIds = new Set<string>();
  for (const element of before) {
    const id = (element as Json)[identity] as string;
    beforeIds.add(id);
    diffValues(changes, path + segment(id), element, afterById.get(id));
  }
  for (const [id, element] of afterById)
    if (!beforeIds.has(id)) changes.push({ path: path + segment(id), after: element });
}

/** Whether every element is an object whose `field` is a string, distinct from every other's. */
function identifies(field: string, elements: readonly unknown[]): boolean {
  const seen = new Set<string>();
  for (const element of elements) {
    if (!isObject(element)) return false;
    const id = element[field];
    if (typeof id !== 'string' || seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}
