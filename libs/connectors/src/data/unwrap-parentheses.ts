/** Quoted text a dialect writes in defaults: each opening character with the one that closes it. */
export type QuotePairs = Readonly<Record<string, string>>;

/**
 * `((1))` -> `1`, but `(1)+(2)` stays: only parentheses that enclose the whole text are dropped.
 * Parentheses inside quoted text (per the dialect's `quotes`) do not count.
 */
export function unwrapParentheses(text: string, quotes: QuotePairs): string {
  let current = text;
  while (current.startsWith('(') && closingParenthesis(current, quotes) === current.length - 1) {
    current = current.slice(1, -1).trim();
  }
  return current;
}

/** Index of the parenthesis closing the one at index 0, skipping quoted text; -1 if unbalanced. */
function closingParenthesis(text: string, quotes: QuotePairs): number {
  let depth = 0;
  let close: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (close !== undefined) {
      if (char === close) close = undefined;
    } else if (quotes[char] !== undefined) {
      close = quotes[char];
    } else if (char === '(') {
      depth++;
    } else if (char === ')' && --depth === 0) {
      return i;
    }
  }
  return -1;
}
