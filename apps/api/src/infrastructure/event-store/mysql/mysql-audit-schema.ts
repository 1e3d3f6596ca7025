import { type Pool } from 'mysql2/promise';
import { AUDIT_INDEXES, RECORDED_AT_INDEX, RETIRED_AUDIT_INDEXES } from '../audit-query/audit-sql';
import { STREAM_CATEGORY_SQL } from '../audit-query/stream-category';

const metadataText = (path: string) => `LEFT(JSON_UNQUOTE(JSON_EXTRACT(metadata, '${path}')), 255)`;

/**
 * What the audit search filters on, as VIRTUAL generated columns of the events table (MariaDB 10.2+
 * and MySQL 5.7+ index them; no stored row changes). Values are cut at 255 characters, so an
 * oversized id can never make an append fail in strict mode; the ids the API writes are far shorter.
 */
export const MYSQL_AUDIT_COLUMNS: readonly (readonly [name: string, definition: string])[] = [
  ['actor_id', `VARCHAR(255) AS (${metadataText('$.actorId')}) VIRTUAL`],
  ['environment', `VARCHAR(255) AS (${metadataText('$.environment')}) VIRTUAL`],
  ['correlation_id', `VARCHAR(255) AS (${metadataText('$.correlationId')}) VIRTUAL`],
  ['stream_category', `VARCHAR(255) AS (${STREAM_CATEGORY_SQL.mysql}) VIRTUAL`],
];

/**
 * The audit indexes (see AUDIT_INDEXES). InnoDB ends every secondary index with the primary key
 * (global_position), which naming it makes explicit. The type index is the log's own
 * (events_type_position); streams use events_stream_version.
 */
export const MYSQL_AUDIT_INDEXES: readonly (readonly [name: string, columns: string])[] = [
  ...AUDIT_INDEXES.filter(({ columns }) => columns.join() !== 'type').map(
    ({ name, columns }) => [name, `${columns.join(', ')}, global_position`] as const,
  ),
  [RECORDED_AT_INDEX, 'recorded_at, global_position'],
];

export const MYSQL_AUDIT_SQL = {
  columns: `SELECT column_name AS name FROM information_schema.columns
    WHERE table_schema = DATABASE() AND table_name = 'events'`,
  indexes: `SELECT DISTINCT index_name AS name FROM information_schema.statistics
    WHERE table_schema = DATABASE() AND table_name = 'events'`,
} as const;

/** The one ALTER TABLE that adds what is missing and drops retired indexes, or undefined when nothing is to do. */
export function addMysqlAuditColumnsStatement(
  columns: ReadonlySet<string>,
  indexes: ReadonlySet<string>,
): string | undefined {
  const clauses = [
    ...MYSQL_AUDIT_COLUMNS.filter(([name]) => !columns.has(name)).map(
      ([name, definition]) => `ADD COLUMN ${name} ${definition}`,
    ),
    ...MYSQL_AUDIT_INDEXES.filter(([name]) => !indexes.has(name)).map(
      ([name, columnList]) => `ADD KEY ${name} (${columnList})`,
    ),
    ...RETIRED_AUDIT_INDEXES.filter((name) => indexes.has(name)).map((name) => `DROP KEY ${name}`),
  ];
  return clauses.length === 0 ? undefined : `ALTER TABLE events ${clauses.join(', ')}`;
}

const ER_DUP_FIELDNAME = 1060;
const ER_DUP_KEYNAME = 1061;
/** Another instance dropped a retired index first. */
const ER_CANT_DROP_FIELD_OR_KEY = 1091;

/**
 * Gives a log the audit columns and indexes it lacks (a table made before them, or a new one), and
 * drops the retired ones: one ALTER TABLE, which builds the indexes over the existing rows. Another instance starting at the same
 * moment may add them first: then nothing is missing any more, and its duplicate is no error.
 */
export async function addMysqlAuditColumns(pool: Pool): Promise<void> {
  const missing = async () => {
    const names = async (sql: string) =>
      new Set(((await pool.query(sql))[0] as { name: string }[]).map(({ name }) => name.toLowerCase()));
    return addMysqlAuditColumnsStatement(
      await names(MYSQL_AUDIT_SQL.columns),
      await names(MYSQL_AUDIT_SQL.indexes),
    );
  };
  const statement = await missing();
  if (statement === undefined) return;
  try {
    await pool.query(statement);
  } catch (error) {
    const errno = (error as { errno?: number }).errno;
    if (
      (errno !== ER_DUP_FIELDNAME && errno !== ER_DUP_KEYNAME && errno !== ER_CANT_DROP_FIELD_OR_KEY) ||
      (await missing()) !== undefined
    )
      throw error;
  }
}
