export type PostgresDefaultMapping = Readonly<{
  defaultValue?: string;
  defaultIsExpression?: boolean;
  /** The default draws from a sequence: a serial column. */
  serial?: boolean;
}>;

/** Casts after a literal: `::character varying`, `::"Odd ""Schema"""."Mood"`, `::integer[]`. */
const CASTS = String.raw`(?:::(?:"(?:[^"]|"")*"|[\w\s.[\]()])+)*`;
/** `'it''s'::character varying`, `'G'::mpaa_rating`, `'{}'::integer[]`: a literal with its casts. */
const QUOTED = new RegExp(String.raw`^'((?:[^']|'')*)'${CASTS}$`, 's');
/** `0`, `-1.5`, `(-1)`, `1e3`, `(0)::numeric`; `'3.5'::numeric` is QUOTED's. */
const NUMERIC = new RegExp(String.raw`^\(?([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\)?${CASTS}$`, 'i');
const NULL = new RegExp(String.raw`^NULL${CASTS}$`, 'i');
const BOOLEAN = /^(true|false)$/i;
const SEQUENCE = /^nextval\('(?:[^']|'')+'::regclass\)$/i;

/**
 * Maps pg_get_expr of a column default to a default value, telling a literal (unquoted, its casts
 * dropped) from an expression (`now()`, `gen_random_uuid()`, `CURRENT_TIMESTAMP`). A serial column's
 * `nextval(...)` is the column's auto-increment, not a default; `NULL` is no default at all.
 */
export function mapPostgresDefault(expression: string | null): PostgresDefaultMapping {
  if (expression === null) return {};
  const text = expression.trim();
  if (NULL.test(text)) return {};
  if (SEQUENCE.test(text)) return { serial: true };
  const quoted = QUOTED.exec(text);
  if (quoted) return { defaultValue: quoted[1].replaceAll("''", "'"), defaultIsExpression: false };
  const number = NUMERIC.exec(text);
  if (number) return { defaultValue: number[1], defaultIsExpression: false };
  if (BOOLEAN.test(text)) return { defaultValue: text.toLowerCase(), defaultIsExpression: false };
  return { defaultValue: text, defaultIsExpression: true };
}
