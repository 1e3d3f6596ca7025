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
  const text = unwrapParentheses(dfltValue.trim());
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

/** `((1))` -> `1`, but `(1)+(2)` stays: only parentheses that enclose the whole text are dropped. */
function unwrapParentheses(text: string): string {
  let current = text;
  while (current.startsWith('(') && closingParenthesis(current) === current.length - 1) {
    current = current.slice(1, -1).trim();
  }
  return current;
}

/** Index of the parenthesis closing the one at index 0, skipping quoted text; -1 if unbalanced. */
function closingParenthesis(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === '(') {
      depth++;
    } else if (char === ')' && --depth === 0) {
      return i;
    }
  }
  return -1;
}
