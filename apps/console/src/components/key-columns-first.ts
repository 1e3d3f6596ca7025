/** What ordering needs of a column or attribute. */
export type KeyedRow = Readonly<{ name: string; primaryKey: boolean }>;

/**
 * Key columns first, in key order when it is known (`keyOrder`, else as listed), then the others as the
 * table lists them: what identifies a row is what a builder looks for first.
 */
export const keyColumnsFirst = <R extends KeyedRow>(rows: readonly R[], keyOrder: readonly string[] = []) => {
  const rank = (row: R) => {
    if (!row.primaryKey) return Number.MAX_SAFE_INTEGER;
    const position = keyOrder.indexOf(row.name);
    return position === -1 ? keyOrder.length : position;
  };
  // Array.prototype.sort is stable: rows of one rank keep the table's order.
  return [...rows].sort((a, b) => rank(a) - rank(b));
};
