import { unwrapParentheses } from '../data/unwrap-parentheses';

/** Parentheses inside these quotes do not count when unwrapping a default. */
const QUOTES = { "'": "'", '[': ']' };

export type MssqlDefaultMapping = Readonly<{ defaultValue?: string; defaultIsExpression?: boolean }>;

/** 'it''s', N'text' (the N prefix marks Unicode, not part of the value). */
const STRING_LITERAL = /^N?'((?:[^']|'')*)'$/is;
/** SQL Server stores `DEFAULT -1` as `((-1))` and `DEFAULT 4.99` as `((4.99))`. */
const NUMERIC_LITERAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const BINARY_LITERAL = /^0x[0-9a-f]*$/i;

/**
 * Maps `sys.default_constraints.definition` (the DEFAULT as SQL Server rewrote it, always wrapped in
 * parentheses: `((0))`, `('G')`, `(N'abc')`, `(getdate())`, `(newid())`) to a default value.
 * Literals come back as their value (`('it''s')` -> it's, `((4.99))` -> 4.99); anything else is an
 * expression, returned without its outer parentheses (`getdate()`). `DEFAULT NULL` is no default.
 */
export function mapMssqlDefault(definition: string | null): MssqlDefaultMapping {
  if (definition === null) return {};
  const text = unwrapParentheses(definition.trim(), QUOTES);
  if (text.toUpperCase() === 'NULL') return {};

  const quoted = STRING_LITERAL.exec(text);
  if (quoted) return { defaultValue: quoted[1].replaceAll("''", "'"), defaultIsExpression: false };
  if (NUMERIC_LITERAL.test(text) || BINARY_LITERAL.test(text)) {
    return { defaultValue: text, defaultIsExpression: false };
  }
  // `(-(1))`: older servers kept the sign outside the inner parentheses.
  const signed = /^([+-])\((.*)\)$/s.exec(text);
  if (signed && NUMERIC_LITERAL.test(signed[2].trim())) {
    return { defaultValue: `${signed[1] === '-' ? '-' : ''}${signed[2].trim()}`, defaultIsExpression: false };
  }
  return { defaultValue: text, defaultIsExpression: true };
}
