import { DataConstraintError } from '../spi';
import { type SqliteForeignKeyRow, type SqliteReferringKeyRow } from './sqlite-catalog.sql';

/**
 * SQLite reports every foreign key failure as "FOREIGN KEY constraint failed", naming nothing. The
 * catalog names what it can: for a written row, the columns of its foreign keys that the write set;
 * for a deleted row, the tables whose foreign keys refer to its table. SQLite keeps no constraint names.
 */
export function nameForeignKeyViolation(
  violation: DataConstraintError,
  written: readonly string[],
  ownKeys: readonly SqliteForeignKeyRow[],
  referringTables: readonly SqliteReferringKeyRow[],
): DataConstraintError {
  if (violation.code === 'DATA.ROW_REFERENCED') {
    if (referringTables.length === 0) return violation;
    return new DataConstraintError('DATA.ROW_REFERENCED', {
      ...violation.details,
      referencingTable: referringTables.map(({ tableName }) => tableName).join(', '),
    });
  }
  if (violation.code !== 'DATA.FOREIGN_KEY_VIOLATION') return violation;
  const set = new Set(written);
  const fields = [...new Set(ownKeys.map(({ columnName }) => columnName))].filter((column) =>
    set.has(column),
  );
  return fields.length === 0
    ? violation
    : new DataConstraintError('DATA.FOREIGN_KEY_VIOLATION', { ...violation.details, fields });
}
