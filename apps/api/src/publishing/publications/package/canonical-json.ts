/**
 * Canonical JSON: object keys sorted by UTF-16 code unit order, arrays kept in their order,
 * `undefined` members dropped, no insignificant whitespace unless `indent` is given.
 * The same value always yields the same text, which is what hashing and stable files need.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const normalize = (value: unknown): unknown => {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`canonical JSON cannot hold ${value}`);
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : normalize(item)));
  if (typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) sorted[key] = normalize(member);
    }
    return sorted;
  }
  throw new Error(`canonical JSON cannot hold a ${typeof value}`);
};

export const canonicalJson = (value: unknown, indent?: number): string =>
  JSON.stringify(normalize(value), null, indent);
