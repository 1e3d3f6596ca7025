import { unwrapParentheses } from '../data/unwrap-parentheses';

/** Parentheses inside these quotes do not count when unwrapping a default. */
const QUOTES = { "'": "'", '"': '"' };

export type OracleDefaultMapping = Readonly<{ defaultValue?: string; defaultIsExpression?: boolean }>;

/** 'it''s', N'text' (the N marks national characters, it is not part of the value). */
const STRING_LITERAL = /^N?'((?:[^']|'')*)'$/is;
/** q'[it's]' and the other alternative-quoting delimiters. */
const Q_LITERAL = /^N?q'(.)([\s\S]*)(.)'$/i;
const Q_CLOSERS: Readonly<Record<string, string>> = { '[': ']', '{': '}', '(': ')', '<': '>' };
const NUMERIC_LITERAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Maps ALL_TAB_COLS.DATA_DEFAULT (the DEFAULT clause as the user wrote it, often with trailing
 * spaces or a newline) to a default value. Literals come back as their value (`'it''s'` -> it's,
 * `(0)` -> 0); anything else (`SYSDATE`, `SYS_GUID()`, `TO_DATE(...)`) is an expression, trimmed.
 * `DEFAULT NULL` is no default. Identity and virtual columns are never passed here: their
 * DATA_DEFAULT is a sequence call or the column's expression.
 */
export function mapOracleDefault(dataDefault: string | null): OracleDefaultMapping {
  if (dataDefault === null) return {};
  const text = unwrapParentheses(dataDefault.trim(), QUOTES);
  if (text === '' || text.toUpperCase() === 'NULL') return {};

  const quoted = STRING_LITERAL.exec(text);
  if (quoted) return { defaultValue: quoted[1].replaceAll("''", "'"), defaultIsExpression: false };
  const alternative = Q_LITERAL.exec(text);
  if (alternative && (Q_CLOSERS[alternative[1]] ?? alternative[1]) === alternative[3]) {
    return { defaultValue: alternative[2], defaultIsExpression: false };
  }
  if (NUMERIC_LITERAL.test(text)) {
    return { defaultValue: text.replace(/^\+/, ''), defaultIsExpression: false };
  }
  return { defaultValue: text, defaultIsExpression: true };
}
