export type MysqlDefaultMapping = Readonly<{ defaultValue?: string; defaultIsExpression?: boolean }>;

export type MysqlFlavour = 'mysql' | 'mariadb';

const QUOTED = /^'((?:[^'\\]|''|\\.)*)'$/s;
const NUMERIC_LITERAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const BIT_OR_HEX_LITERAL = /^(?:b'[01]*'|x'(?:[0-9a-f]{2})*'|0x[0-9a-f]+)$/i;
/** MySQL 5.7 marks no expression as such; this is the only one it allows (on DATETIME/TIMESTAMP). */
const CURRENT_TIMESTAMP = /^(?:current_timestamp|now|localtime|localtimestamp)(?:\(\d*\))?$/i;

/**
 * Maps COLUMN_DEFAULT to a default value, telling a literal from an expression. The two servers
 * write it differently:
 * - MariaDB 10.2.7+ quotes literals (`'G'`, `'it''s'`), writes numbers bare (`0.00`), an explicit
 *   `DEFAULT NULL` as the text `NULL`, and expressions as written (`current_timestamp()`).
 * - MySQL writes literals bare (`G`, `0.00`) and marks expressions with `DEFAULT_GENERATED` in EXTRA
 *   (8.0.13+); before that, only CURRENT_TIMESTAMP could be one.
 * No default and `DEFAULT NULL` both come back as no default value.
 */
export function mapMysqlDefault(
  columnDefault: string | null,
  extra: string,
  flavour: MysqlFlavour,
): MysqlDefaultMapping {
  if (columnDefault === null) return {};
  if (flavour === 'mariadb') return mapMariadbDefault(columnDefault);
  if (/\bDEFAULT_GENERATED\b/i.test(extra) || CURRENT_TIMESTAMP.test(columnDefault.trim())) {
    return { defaultValue: columnDefault, defaultIsExpression: true };
  }
  return { defaultValue: columnDefault, defaultIsExpression: false };
}

function mapMariadbDefault(columnDefault: string): MysqlDefaultMapping {
  const text = columnDefault.trim();
  if (text.toUpperCase() === 'NULL') return {};
  const quoted = QUOTED.exec(text);
  if (quoted) return { defaultValue: unquote(quoted[1]), defaultIsExpression: false };
  if (NUMERIC_LITERAL.test(text) || BIT_OR_HEX_LITERAL.test(text)) {
    return { defaultValue: text, defaultIsExpression: false };
  }
  return { defaultValue: text, defaultIsExpression: true };
}

const ESCAPES: Readonly<Record<string, string>> = { '0': '\0', n: '\n', r: '\r', t: '\t', Z: '\x1a' };

function unquote(body: string): string {
  return body.replace(/''|\\(.)/gs, (match, escaped: string | undefined) =>
    escaped === undefined ? "'" : (ESCAPES[escaped] ?? escaped),
  );
}
