import { unwrapParentheses } from '../data/unwrap-parentheses';

/** Parentheses inside these quotes do not count when unwrapping a default. */
const QUOTES = { "'": "'", '"': '"' };

export type SqliteDefaultMapping = Readonly<{ defaultValue?: string; defaultIsExpression?: boolean }>;

const STRING_LITERAL = /^'((?:[^']|'')*)'$/s;
/** SQLite still accepts "text" as a string literal in DEFAULT when it names no column (legacy quirk). */
const DOUBLE_QUOTED_LITERAL = /^"((?:[^"]|"")*)"$/s;
const NUMERIC_LITERAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$|^[+-]?0x[0-9a-f]+$/i;
const OTHER_LITERAL = /^(?:TRUE|FALSE)$|^X'(?:[0-9a-f]{2})*'$/i;

/**
 * Maps `pragma_table_xinfo.dflt_value` (the DEFAULT clause as written, outer parentheses dropped) to a
 * default value. Literals come back as their value ('it''s' -> it's, 0, 4.99); everything else
 * (CURRENT_TIMESTAMP, datetime('now'), 'a' || 'b') is an expression, returned as written.
 * `DEFAULT NULL` is the same as no default.
 */
export function mapSqliteDefault(dfltValue: string | null): SqliteDefaultMapping {
  if (dfltValue === null) return {};
  const text = unwrapParentheses(dfltValue.trim(), QUOTES);
  if (text.toUpperCase() === 'NULL') return {};

  const quoted = STRING_LITERAL.exec(text);
  if (quoted) return { defaultValue: quoted[1].replaceAll("''", "'"), defaultIsExpression: false };
  const doubleQuoted = DOUBLE_QUOTED_LITERAL.exec(text);
  if (doubleQuoted)
    return { defaultValue: doubleQuoted[1].replaceAll('""', '"'), defaultIsExpression: false };
  if (NUMERIC_LITERAL.test(text) || OTHER_LITERAL.test(text)) {
    return { defaultValue: text, defaultIsExpression: false };
  }
  return { defaultValue: text, defaultIsExpression: true };
}
