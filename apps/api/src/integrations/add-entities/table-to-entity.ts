import { type Entity } from '@ib/domain';
import { type TableInfo } from '@ib/connectors';

/** Entity names are identifiers apps can use; the table keeps its real name for SQL. */
export const entityNameOf = (table: string): string => {
  const name = table.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
};

export const tableToEntity = (table: TableInfo): Entity => ({
  name: entityNameOf(table.name),
  table: table.name,
  kind: table.kind,
  primaryKey: [...table.primaryKey],
  attributes: table.columns.map((column) => ({
    name: column.name,
    nativeType: column.nativeType,
    type: column.kind,
    ...(column.length !== undefined ? { length: column.length } : {}),
    ...(column.precision !== undefined ? { precision: column.precision } : {}),
    ...(column.scale !== undefined ? { scale: column.scale } : {}),
    nullable: column.nullable,
    ...(column.defaultValue !== undefined ? { defaultValue: column.defaultValue } : {}),
    primaryKey: table.primaryKey.includes(column.name),
    autoIncrement: column.autoIncrement,
    ...(column.generated === true ? { generated: true } : {}),
    ...(column.unsupported === true ? { unsupported: true } : {}),
  })),
});
