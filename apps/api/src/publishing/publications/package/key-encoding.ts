import { type Attribute } from '@ib/domain';
import { enumValues } from './model';
import { DATE_PATTERN, INT64_RANGE, TIME_PATTERN, decimalPattern, integerTextPattern } from '@ib/connectors';

/**
 * Entity keys in a data API path segment (`/api/data/{env}/{integration}/{entity}/{key}`).
 *
 * - A single-attribute key is its value, percent-encoded (`encodeURIComponent`): `/Track/42`.
 *   The long form `TrackId=42` is accepted too.
 * - A composite key lists every key attribute as `name=value`, joined by `;`, in the entity's
 *   primary-key order: `/PlaylistTrack/PlaylistId=1;TrackId=42`. Names and values are each
 *   percent-encoded, so `;` and `=` inside a value travel as `%3B` and `%3D`.
 * - A client that percent-encodes the whole parameter (RFC 6570, as OpenAPI tools do) sends the
 *   delimiters encoded too (`PlaylistId%3D1%3BTrackId%3D42`): a composite key without a literal `=`
 *   is decoded once more, so both spellings name the same row.
 */
export const KEY_ENCODING_DESCRIPTION =
  'Primary key of the row. Single-attribute key: the value, percent-encoded (encodeURIComponent), ' +
  'e.g. `42`; `name=value` is accepted too. Composite key: every key attribute as `name=value`, joined ' +
  'by `;`, in primary-key order, names and values each percent-encoded (so `;` is `%3B` and `=` is ' +
  '`%3D` inside a value), e.g. `PlaylistId=1;TrackId=42`.';

/** The longest key parameter (decoded once, as OpenAPI tools write it) the data API reads. */
export const MAX_KEY_LENGTH = 256;

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

const decoded = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new Error(`malformed percent-encoding: ${text}`);
  }
};

/**
 * Decodes a path segment (still percent-encoded) to key attribute values (as text); throws on a
 * malformed or partial key, or a composite key whose parts are not in primary-key order.
 */
export const decodeKey = (primaryKey: readonly string[], segment: string): Record<string, string> => {
  if (primaryKey.length === 0) throw new Error('entity has no primary key');
  if (!segment.includes('=')) {
    if (primaryKey.length === 1) return { [primaryKey[0]]: decoded(segment) };
    segment = decoded(segment);
  }
  const result: Record<string, string> = {};
  for (const part of segment.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`malformed key part: ${part}`);
    const name = decoded(part.slice(0, eq));
    if (!primaryKey.includes(name)) throw new Error(`unknown key attribute: ${name}`);
    if (name in result) throw new Error(`repeated key attribute: ${name}`);
    result[name] = decoded(part.slice(eq + 1));
  }
  for (const name of primaryKey) {
    if (!(name in result)) throw new Error(`missing key attribute: ${name}`);
  }
  if (Object.keys(result).some((name, index) => primaryKey[index] !== name))
    throw new Error(`key attributes must come in primary-key order: ${primaryKey.join(', ')}`);
  return result;
};

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const bare = (pattern: string) => pattern.replace(/^\^/, '').replace(/\$$/, '');
/**
 * Types whose values hold no character a path percent-encodes; the others (`:` of times, spaces of
 * members and texts) may come either way inside a composite key, so only the encoding is declared.
 */
const PLAIN_IN_PATHS = new Set<Attribute['type']>(['Integer', 'LongInteger', 'Decimal', 'Boolean', 'Date']);
/** One percent-encoded value: any character but the delimiters, `%` only as an escape. */
const ENCODED_TEXT = '(?:[^;=%]|%[0-9A-Fa-f]{2})*';

/** Integers a key or a compared value may hold: the exact JSON ones (beyond, they match no row anyway). */
const SAFE_INTEGER = integerTextPattern(BigInt(Number.MIN_SAFE_INTEGER), BigInt(Number.MAX_SAFE_INTEGER));
const DATE = DATE_PATTERN;

/** The (unanchored) pattern of one value as keys and `in` lists write it, or undefined for any text. */
export const listItemPattern = (attribute: Attribute): string | undefined => {
  switch (attribute.type) {
    case 'Integer':
      return SAFE_INTEGER;
    case 'LongInteger':
      return integerTextPattern(INT64_RANGE.minimum, INT64_RANGE.maximum);
    case 'Decimal':
      return `(?:${bare(decimalPattern(attribute))})`;
    case 'Boolean':
      return '(?:true|false)';
    case 'Date':
      return DATE;
    case 'Time':
      return `(?:${bare(TIME_PATTERN)})`;
    case 'DateTime':
      return `${DATE}[Tt](?:${bare(TIME_PATTERN)})(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])`;
    case 'Enum':
    case 'Set': {
      const members = enumValues(attribute)?.filter((member) => !/[,;=%]/.test(member));
      return members && members.length > 0 ? `(?:${members.map(escapeRegex).join('|')})` : undefined;
    }
    default:
      return undefined;
  }
};

/**
 * What the document declares of the `key` path parameter: the value's own pattern for a
 * single-attribute key, `name=value;...` in primary-key order for a composite one.
 */
export const keyPattern = (attributes: readonly Attribute[]): { pattern?: string } => {
  if (attributes.length === 1) {
    const pattern = listItemPattern(attributes[0]);
    return pattern === undefined ? {} : { pattern: `^${pattern}$` };
  }
  const parts = attributes.map(
    (attribute) =>
      `${escapeRegex(encodeURIComponent(attribute.name))}=${(PLAIN_IN_PATHS.has(attribute.type) && listItemPattern(attribute)) || ENCODED_TEXT}`,
  );
  return { pattern: `^${parts.join(';')}$` };
};
