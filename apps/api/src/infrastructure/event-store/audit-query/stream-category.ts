/**
 * A stream's category: what precedes its id. Stream ids read `<category>-<id>`; the category itself
 * may hold dashes (`integration-deployments-<uuid>`, `connection-request-<uuid>`), ids keyed by
 * name may too (`user-<username>`). So: a stream ending in `-<uuid>` has everything before it as its
 * category; any other stream, what precedes its first dash. The SQL stores compute the same in a
 * generated column (STREAM_CATEGORY_SQL): change them together (stream-category.spec.ts checks both).
 */
export function streamCategoryOf(streamId: string): string {
  const length = streamId.length;
  if (length > UUID_TAIL && DASHES_FROM_END.every((fromEnd) => streamId[length - fromEnd] === '-'))
    return streamId.slice(0, length - UUID_TAIL);
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}

/** `-` + a 36-character UUID. */
const UUID_TAIL = 37;
/** The dashes of `-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, counted from the end (1 = the last character). */
const DASHES_FROM_END = [37, 28, 23, 18, 13] as const;

const endsWithUuid = (substring: (fromEnd: number) => string, length: string) =>
  [`${length} > ${UUID_TAIL}`, ...DASHES_FROM_END.map((fromEnd) => `${substring(fromEnd)} = '-'`)].join(
    ' AND ',
  );

/** streamCategoryOf over the `stream_id` column, in each dialect. */
export const STREAM_CATEGORY_SQL = {
  sqlite: `CASE WHEN ${endsWithUuid((n) => `substr(stream_id, -${n}, 1)`, 'length(stream_id)')}
    THEN substr(stream_id, 1, length(stream_id) - ${UUID_TAIL})
    WHEN instr(stream_id, '-') > 0 THEN substr(stream_id, 1, instr(stream_id, '-') - 1)
    ELSE stream_id END`,
  mysql: `CASE WHEN ${endsWithUuid((n) => `SUBSTRING(stream_id, -${n}, 1)`, 'CHAR_LENGTH(stream_id)')}
    THEN LEFT(stream_id, CHAR_LENGTH(stream_id) - ${UUID_TAIL})
    WHEN LOCATE('-', stream_id) > 0 THEN LEFT(stream_id, LOCATE('-', stream_id) - 1)
    ELSE stream_id END`,
} as const;
