import { type ColumnInfo } from '../spi';
import { type ODataVersion } from './read-edmx';

/**
 * Literals of the OData URL conventions (v2 and v4) for a value already checked against its column
 * (see validate-request.ts): in `$filter` and in key predicates. Text is quoted with its quotes doubled;
 * v2 prefixes the types it cannot tell apart (guid'..', datetime'..', 12L, 1.5M).
 */
export function odataLiteral(column: ColumnInfo, value: unknown, version: ODataVersion): string {
  if (value === null) return 'null';
  const type = column.nativeType;
  const text = String(value);
  switch (column.kind) {
    case 'Boolean':
      return value === true ? 'true' : 'false';
    case 'Integer':
      return text;
    case 'LongInteger':
      return version === 'v2' ? `${text}L` : text;
    case 'Decimal':
      if (version === 'v4') return text;
      if (type === 'Edm.Double') return `${text}d`;
      if (type === 'Edm.Single') return `${text}f`;
      return `${text}M`;
    case 'Date':
      if (version === 'v4') return text;
      return `datetime'${text}T00:00:00'`;
    case 'Time':
      return version === 'v4' ? text : `time'${durationOf(text)}'`;
    case 'DateTime':
      if (version === 'v4') return text;
      return type === 'Edm.DateTimeOffset' ? `datetimeoffset'${text}'` : `datetime'${localDateTime(text)}'`;
    case 'BinaryData':
      return version === 'v4'
        ? `binary'${base64Url(text)}'`
        : `binary'${Buffer.from(text, 'base64').toString('hex').toUpperCase()}'`;
    case 'Enum':
      return `${type}'${text.replaceAll("'", "''")}'`;
    case 'Text':
      if (type === 'Edm.Guid') return version === 'v4' ? text : `guid'${text}'`;
      return `'${text.replaceAll("'", "''")}'`;
    default:
      return `'${text.replaceAll("'", "''")}'`;
  }
}

/**
 * A key predicate: `(42)` for one key property, `(order_ID=..,lineNo=1)` for a composite key, each
 * literal percent-encoded as a path segment needs (a `/` or `#` in a text key stays data).
 */
export function keyPredicate(
  key: Readonly<Record<string, unknown>>,
  columns: readonly ColumnInfo[],
  version: ODataVersion,
): string {
  const literal = (column: ColumnInfo) => encodeURIComponent(odataLiteral(column, key[column.name], version));
  if (columns.length === 1) return `(${literal(columns[0])})`;
  return `(${columns.map((column) => `${column.name}=${literal(column)}`).join(',')})`;
}

/** `09:30:05.5` -> `PT09H30M05.5S`, the v2 Edm.Time form. */
export function durationOf(time: string): string {
  const [hours, minutes, seconds] = time.split(':');
  return `PT${hours}H${minutes}M${seconds}S`;
}

/** `PT9H30M5S` -> `09:30:05`; anything else as it is. */
export function timeOfDuration(value: string): string {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(value);
  if (!match) return value;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  const [whole, fraction] = seconds.split('.');
  const clock = [hours, minutes, whole].map((part) => part.padStart(2, '0')).join(':');
  return fraction === undefined ? clock : `${clock}.${fraction}`;
}

/** An RFC 3339 instant as the UTC local date-time v2's Edm.DateTime takes (`2024-03-01T10:15:00`). */
export function localDateTime(text: string): string {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return text;
  const fraction = /\.(\d+)/.exec(text)?.[1];
  const iso = date.toISOString().slice(0, 19);
  return fraction === undefined ? iso : `${iso}.${fraction.padEnd(3, '0').slice(0, 7)}`;
}

/** v4 writes binary as base64url; our wire format is base64. */
export const base64Url = (base64: string): string =>
  base64.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

export const base64OfUrl = (text: string): string => {
  const base64 = text.replaceAll('-', '+').replaceAll('_', '/');
  return base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=');
};
