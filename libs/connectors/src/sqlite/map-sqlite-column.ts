import { type ColumnInfo } from '../spi';
import { type SqliteColumnRow } from './sqlite-catalog.sql';
import { mapSqliteDefault } from './map-sqlite-default';
import { mapSqliteType } from './map-sqlite-type';

/**
 * Maps one `pragma_table_xinfo` row. `rowidAlias` says the column is the table's INTEGER PRIMARY KEY,
 * which SQLite fills itself (see mapSqliteTable).
 */
export function mapSqliteColumn(row: SqliteColumnRow, { rowidAlias }: { rowidAlias: boolean }): ColumnInfo {
  return {
    name: row.name,
    nativeType: row.type,
    ...mapSqliteType(row.type),
    // SQLite lets a non-INTEGER primary key of a rowid table hold NULL (a kept legacy bug); a key that
    // holds NULL identifies nothing, so the product treats every key column as required.
    nullable: row.notNull === 0 && row.pk === 0,
    ...mapSqliteDefault(row.defaultValue),
    autoIncrement: rowidAlias,
    // pragma_table_xinfo.hidden: 2 a VIRTUAL, 3 a STORED generated column.
    ...(row.hidden === 2 || row.hidden === 3 ? { generated: true } : {}),
  };
}
