import { type ReadModelDialect } from './view-reader';

const quote = (identifier: string): string => `\`${identifier.replaceAll('`', '``')}\``;

/**
 * Inserts a row of `columns` (one `?` each, in order), or replaces the other columns of the row that has
 * the same `keys`: `on conflict` on SQLite, `on duplicate key` on MySQL.
 */
export function upsertSql(
  dialect: ReadModelDialect,
  table: string,
  columns: readonly string[],
  keys: readonly string[],
): string {
  const others = columns.filter((column) => !keys.includes(column)).map(quote);
  const insert =
    `insert into ${quote(table)} (${columns.map(quote).join(', ')}) ` +
    `values (${columns.map(() => '?').join(', ')}) `;
  return dialect === 'mysql'
    ? insert + `on duplicate key update ${others.map((column) => `${column} = values(${column})`).join(', ')}`
    : insert +
        `on conflict (${keys.map(quote).join(', ')}) do update set ` +
        others.map((column) => `${column} = excluded.${column}`).join(', ');
}
