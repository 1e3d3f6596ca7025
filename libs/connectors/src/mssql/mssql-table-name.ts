/**
 * How a SQL Server table is named in the product. `TableInfo.schema` is always the SQL Server schema
 * (`dbo`, `Sales`); `TableInfo.name` is the name the user picks and passes back to `describe`:
 * - a `dbo` table is named as it is: `Customer`;
 * - any other schema's table is `schema.table`: `Sales.Order`;
 * - a part that contains a dot or starts with `[` is bracket-quoted (`]` doubled) so that no two tables
 *   share a name: dbo's `a.b` is `dbo.[a.b]`, schema `x.y`'s `t` is `[x.y].t`.
 * Names are resolved against the catalog's own list (never parsed into SQL), so `describe` accepts
 * exactly what `listTables` returned.
 */
export const DEFAULT_MSSQL_SCHEMA = 'dbo';

export function mssqlTableName(schema: string, table: string): string {
  if (schema === DEFAULT_MSSQL_SCHEMA && !needsQuoting(table)) return table;
  return `${part(schema)}.${part(table)}`;
}

const needsQuoting = (name: string) => name.includes('.') || name.startsWith('[');
const part = (name: string) => (needsQuoting(name) ? `[${name.replaceAll(']', ']]')}]` : name);
