import { isDeepStrictEqual } from 'node:util';

/** A stored row as compared: its primary key and its decoded value (a view document). */
export type KeyedRow = Readonly<{ key: string; value: Readonly<Record<string, unknown>> }>;

/** One table as the comparison reads it, a page at a time, so no table is ever held whole in memory. */
export interface ComparedTable {
  /** The rows after `after` in the table's key order (from the first when undefined), at most `limit`. */
  page(after: string | undefined, limit: number): Promise<KeyedRow[]>;
  /** The rows of these keys, those that exist, in any order. */
  rowsOf(keys: readonly string[]): Promise<KeyedRow[]>;
}

/** A key whose rows differ: null on the side that has no row of it. */
export type RowDifference = Readonly<{
  key: string;
  live: Readonly<Record<string, unknown>> | null;
  replayed: Readonly<Record<string, unknown>> | null;
}>;

export type TableComparison = Readonly<{
  equal: boolean;
  liveRows: number;
  replayedRows: number;
  /** The first differing rows by key (code point order), at most `maxDifferences`. */
  differences: readonly RowDifference[];
}>;

export type TableComparisonOptions = Readonly<{ pageSize?: number; maxDifferences?: number }>;

/**
 * Two values are the same row when they are deeply equal; object keys in any order, since a document
 * loaded, changed and written again may list its fields in another order than one folded at once,
 * and MySQL's JSON type orders them its own way.
 */
export const sameRow = (live: KeyedRow['value'], replayed: KeyedRow['value']): boolean =>
  isDeepStrictEqual(live, replayed);

/**
 * Compares a live table with its replayed copy row by row: first every live row against the replayed
 * row of its key (changed, or missing from the replay), then every replayed row whose key the live
 * table lacks. Each pass reads one table in pages and looks the other up by key, so both are read once
 * and in the database's own key order, whatever its collation.
 */
export async function compareTables(
  live: ComparedTable,
  replayed: ComparedTable,
  { pageSize = 500, maxDifferences = 10 }: TableComparisonOptions = {},
): Promise<TableComparison> {
  const first = new FirstDifferences(maxDifferences);
  let any = false;
  const liveRows = await eachPage(live, pageSize, async (rows) => {
    const counterparts = byKey(await replayed.rowsOf(rows.map(({ key }) => key)));
    for (const { key, value } of rows) {
      const other = counterparts.get(key);
      if (other !== undefined && sameRow(value, other)) continue;
      any = true;
      first.add({ key, live: value, replayed: other ?? null });
    }
  });
  const replayedRows = await eachPage(replayed, pageSize, async (rows) => {
    const counterparts = byKey(await live.rowsOf(rows.map(({ key }) => key)));
    for (const { key, value } of rows) {
      if (counterparts.has(key)) continue;
      any = true;
      first.add({ key, live: null, replayed: value });
    }
  });
  return { equal: !any, liveRows, replayedRows, differences: first.list() };
}

/** Hands every page of `table` to `visit`, one after the other; answers how many rows there were. */
async function eachPage(
  table: ComparedTable,
  pageSize: number,
  visit: (rows: readonly KeyedRow[]) => Promise<void>,
): Promise<number> {
  let count = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await table.page(after, pageSize);
    if (rows.length === 0) return count;
    await visit(rows);
    count += rows.length;
    if (rows.length < pageSize) return count;
    after = rows[rows.length - 1].key;
  }
}

const byKey = (rows: readonly KeyedRow[]) => new Map(rows.map(({ key, value }) => [key, value]));

/** The `limit` differences of lowest key seen so far, in key order. */
export class FirstDifferences {
  private readonly kept: RowDifference[] = [];

  constructor(private readonly limit: number) {}

  add(difference: RowDifference): void {
    const at = this.kept.findIndex(({ key }) => difference.key < key);
    if (at === -1) {
      if (this.kept.length < this.limit) this.kept.push(difference);
      return;
    }
    this.kept.splice(at, 0, difference);
    if (this.kept.length > this.limit) this.kept.pop();
  }

  list(): readonly RowDifference[] {
    return [...this.kept];
  }
}
