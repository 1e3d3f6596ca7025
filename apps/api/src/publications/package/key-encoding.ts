/**
 * Entity keys in a data API path segment (`/api/data/{env}/{integration}/{entity}/{key}`).
 *
 * - A single-attribute key is its value, percent-encoded (`encodeURIComponent`): `/Track/42`.
 *   The long form `TrackId=42` is accepted too.
 * - A composite key lists every key attribute as `name=value`, joined by `;`, in the entity's
 *   primary-key order: `/PlaylistTrack/PlaylistId=1;TrackId=42`. Names and values are each
 *   percent-encoded, so `;` and `=` inside a value travel as `%3B` and `%3D`.
 */
export const KEY_ENCODING_DESCRIPTION =
  'Primary key of the row. Single-attribute key: the value, percent-encoded (encodeURIComponent), ' +
  'e.g. `42`; `name=value` is accepted too. Composite key: every key attribute as `name=value`, joined ' +
  'by `;`, in primary-key order, names and values each percent-encoded (so `;` is `%3B` and `=` is ' +
  '`%3D` inside a value), e.g. `PlaylistId=1;TrackId=42`.';

export type KeyValues = Readonly<Record<string, string | number | bigint | boolean>>;

export const encodeKey = (primaryKey: readonly string[], values: KeyValues): string => {
  if (primaryKey.length === 0) throw new Error('entity has no primary key');
  for (const name of primaryKey) {
    if (values[name] === undefined) throw new Error(`missing key attribute ${name}`);
  }
  if (primaryKey.length === 1) return encodeURIComponent(String(values[primaryKey[0]]));
  return primaryKey
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(String(values[name]))}`)
    .join(';');
};

/** Decodes a path segment to key attribute values (as text); throws on a malformed or partial key. */
export const decodeKey = (primaryKey: readonly string[], segment: string): Record<string, string> => {
  if (primaryKey.length === 0) throw new Error('entity has no primary key');
  if (primaryKey.length === 1 && !segment.includes('=')) {
    return { [primaryKey[0]]: decodeURIComponent(segment) };
  }
  const result: Record<string, string> = {};
  for (const part of segment.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`malformed key part: ${part}`);
    const name = decodeURIComponent(part.slice(0, eq));
    if (!primaryKey.includes(name)) throw new Error(`unknown key attribute: ${name}`);
    if (name in result) throw new Error(`repeated key attribute: ${name}`);
    result[name] = decodeURIComponent(part.slice(eq + 1));
  }
  for (const name of primaryKey) {
    if (!(name in result)) throw new Error(`missing key attribute: ${name}`);
  }
  return result;
};
